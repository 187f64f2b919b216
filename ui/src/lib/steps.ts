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

/** The step where a node of the unit plan is edited (for "jump to item"). */
export function stepOfNode(id: string): number {
  if (id.startsWith("basis:") || id === "intro") return 6;
  if (id === "closing") return 6;
  if (id.startsWith("I.") || id.startsWith("II.") || id.startsWith("muc_tieu") || id.startsWith("chi_tieu")) return 3;
  if (id.startsWith("III.") || id.startsWith("nhiem_vu")) return 4;
  if (id.startsWith("IV.") || id.startsWith("V.") || id.startsWith("kinh_phi") || id.startsWith("to_chuc")) return 6;
  return 4;
}
