// Generated from Rust by src-tauri/src/facts.rs. Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p kehoach-app --test it facts` after changing a fact.
import type { Facts } from "./bindings";

export const FACTS: Facts = {
  "years": {
    "min": 1990,
    "max": 2100
  },
  "new_draft": {
    "title": "",
    "parent": {
      "kind": "builtin",
      "id": "quan1-2024"
    },
    "profile": {
      "name": "",
      "short_name": "",
      "type": "mam-non",
      "parent_body": "",
      "parent_body_header": "",
      "place": "",
      "year": 0,
      "number": null,
      "date": null,
      "signer_authority": "",
      "signer_title": "",
      "signer_name": "",
      "recipients": [],
      "layout": null
    },
    "preset": "mam-non",
    "decisions": {
      "nodes": {},
      "added": [],
      "order": {},
      "rewordings": {},
      "rules": {},
      "appendix": {},
      "texts": {}
    },
    "layout": {
      "margin_top_mm": 20.0,
      "margin_bottom_mm": 20.0,
      "margin_left_mm": 30.0,
      "margin_right_mm": 15.0,
      "body_pt": 14,
      "line_spacing": 1.15,
      "signature_lines": 4
    },
    "step": 1,
    "plan": null,
    "tracking": {
      "tasks": {},
      "reports": {}
    },
    "answered": [],
    "previous": null
  },
  "profile_fields": [
    {
      "value": "name",
      "label": "Tên đơn vị"
    },
    {
      "value": "short_name",
      "label": "Tên viết tắt"
    },
    {
      "value": "parent_body",
      "label": "Cơ quan chủ quản"
    },
    {
      "value": "place",
      "label": "Địa danh"
    },
    {
      "value": "year",
      "label": "Năm kế hoạch"
    }
  ],
  "authorities": [
    {
      "value": "",
      "label": "Người đứng đầu ký"
    },
    {
      "value": "TM.",
      "label": "TM. (thay mặt tập thể)"
    },
    {
      "value": "KT.",
      "label": "KT. (cấp phó ký thay)"
    },
    {
      "value": "TL.",
      "label": "TL. (thừa lệnh)"
    },
    {
      "value": "TUQ.",
      "label": "TUQ. (thừa ủy quyền)"
    },
    {
      "value": "Q.",
      "label": "Q. (quyền)"
    }
  ],
  "statuses": [
    {
      "value": "chua-thuc-hien",
      "label": "Chưa thực hiện",
      "needs_reason": false
    },
    {
      "value": "dang-thuc-hien",
      "label": "Đang thực hiện",
      "needs_reason": false
    },
    {
      "value": "hoan-thanh",
      "label": "Hoàn thành",
      "needs_reason": false
    },
    {
      "value": "khong-thuc-hien",
      "label": "Không thực hiện",
      "needs_reason": true
    }
  ],
  "periods": [
    {
      "value": "q1",
      "label": "Quý I"
    },
    {
      "value": "h1",
      "label": "6 tháng"
    },
    {
      "value": "q3",
      "label": "9 tháng"
    },
    {
      "value": "year",
      "label": "Năm"
    }
  ],
  "changes": [
    {
      "kind": "same",
      "label": "Như năm trước",
      "asks": false
    },
    {
      "kind": "moved",
      "label": "Chuyển chỗ so với năm trước",
      "asks": false
    },
    {
      "kind": "changed",
      "label": "Cấp trên sửa lời văn",
      "asks": true
    },
    {
      "kind": "split",
      "label": "Tách từ một mục năm trước",
      "asks": true
    },
    {
      "kind": "merged",
      "label": "Gộp từ nhiều mục năm trước",
      "asks": true
    },
    {
      "kind": "new",
      "label": "Mới so với năm trước",
      "asks": true
    }
  ]
};
