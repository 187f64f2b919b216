import type { Area, Topic } from "./bindings";

// The wizard's steps, in order.
export const STEPS = [
  { n: 1, title: "Kế hoạch cấp trên" },
  { n: 2, title: "Thông tin đơn vị" },
  { n: 3, title: "Mục tiêu và chỉ tiêu" },
  { n: 4, title: "Nhiệm vụ trọng tâm" },
  { n: 5, title: "Rà soát từ ngữ" },
  { n: 6, title: "Kinh phí và tổ chức thực hiện" },
  { n: 7, title: "Phụ lục" },
  { n: 8, title: "Nơi nhận và người ký" },
  { n: 9, title: "Kiểm tra và xuất" },
] as const;

/** The step where a part of the document is edited; Rust says which part a finding is in. */
export function stepOfArea(area: Area, topic: Topic | null): number {
  switch (area) {
    case "header":
    case "title":
      return 2;
    case "bases":
    case "intro":
    case "closing":
      return 6;
    case "recipients":
    case "signer":
    case "page":
      return 8;
    case "appendix":
      return 7;
    case "body":
      return stepOfTopic(topic);
  }
}

/** The step where the items of a part are reviewed. */
export function stepOfTopic(topic: Topic | null): number {
  switch (topic) {
    case "muc_tieu":
    case "chi_tieu":
      return 3;
    case "kinh_phi":
    case "to_chuc":
      return 6;
    default:
      return 4;
  }
}
