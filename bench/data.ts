// Seeded synthetic data for the benchmark: Vietnamese names, titles, units and long
// recommendation texts that look like a real hội nghị đối thoại. The same seed always gives the
// same data, so two runs on two machines measure the same thing (tests/unit/bench-data.test.ts).

/** mulberry32: tiny, fast, and good enough for picking fragments; not for anything secret. */
export type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
};

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

// Family names weighted roughly as in the population: Nguyễn alone is about four in ten.
const HO: readonly string[] = [
  ...Array<string>(38).fill('Nguyễn'),
  ...Array<string>(11).fill('Trần'),
  ...Array<string>(9).fill('Lê'),
  ...Array<string>(7).fill('Phạm'),
  ...Array<string>(5).fill('Hoàng'),
  ...Array<string>(4).fill('Huỳnh'),
  ...Array<string>(3).fill('Phan'),
  ...Array<string>(3).fill('Vũ'),
  ...Array<string>(3).fill('Võ'),
  ...Array<string>(2).fill('Đặng'),
  ...Array<string>(2).fill('Bùi'),
  ...Array<string>(2).fill('Đỗ'),
  ...Array<string>(2).fill('Hồ'),
  ...Array<string>(2).fill('Ngô'),
  ...Array<string>(2).fill('Dương'),
  'Lý', 'Trương', 'Đinh', 'Lương', 'Đào', 'Mai', 'Cao', 'Tạ', 'Quách', 'Kiều', 'Lâm', 'Triệu', 'Khuất', 'Chu', 'Hà',
];
const DEM_NAM = ['Văn', 'Hữu', 'Đức', 'Quang', 'Minh', 'Thế', 'Công', 'Đình', 'Xuân', 'Ngọc', 'Trọng', 'Mạnh', 'Tiến', 'Quốc', 'Anh', 'Thanh', 'Hồng', 'Bá', 'Duy', 'Trung'];
const DEM_NU = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Thúy', 'Hồng', 'Phương', 'Mai', 'Bích', 'Diệu', 'Quỳnh', 'Khánh'];
const TEN_NAM = [
  'An', 'Bình', 'Cương', 'Dũng', 'Đạt', 'Đông', 'Giang', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khải', 'Khánh', 'Kiên', 'Long', 'Lực', 'Minh', 'Nam', 'Nghĩa',
  'Phong', 'Phúc', 'Quân', 'Quyết', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thiều', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Tuyên', 'Việt', 'Vinh', 'Vũ', 'Hưng', 'Lộc',
];
const TEN_NU = [
  'Anh', 'Bích', 'Châu', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huệ', 'Hương', 'Hường', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai',
  'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thảo', 'Thơm', 'Thu', 'Thủy', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Ánh', 'Diệp', 'Nguyệt',
];

export function personName(r: Rng): string {
  const female = r.chance(0.45);
  const ho = r.pick(HO);
  const dem = female ? r.pick(DEM_NU) : r.pick(DEM_NAM);
  // About one name in five has two middle names (Nguyễn Thị Minh Khai).
  const dem2 = r.chance(0.2) ? ` ${female ? r.pick(DEM_NU.filter((d) => d !== 'Thị')) : r.pick(DEM_NAM)}` : '';
  const ten = female ? r.pick(TEN_NU) : r.pick(TEN_NAM);
  return `${ho} ${dem}${dem2} ${ten}`;
}

const PHUONG = [
  'Tây Tựu', 'Phúc Diễn', 'Xuân Đỉnh', 'Cổ Nhuế 1', 'Cổ Nhuế 2', 'Đông Ngạc', 'Đức Thắng', 'Liên Mạc', 'Minh Khai', 'Phú Diễn', 'Thượng Cát', 'Thụy Phương',
  'Xuân Tảo', 'Dịch Vọng', 'Dịch Vọng Hậu', 'Mai Dịch', 'Nghĩa Đô', 'Nghĩa Tân', 'Quan Hoa', 'Trung Hòa', 'Yên Hòa', 'Mỹ Đình 1', 'Mỹ Đình 2', 'Phương Canh',
  'Tây Mỗ', 'Đại Mỗ', 'Xuân Phương', 'Cầu Diễn', 'Trung Văn', 'Mễ Trì', 'Láng Thượng', 'Ô Chợ Dừa', 'Hàng Bột', 'Khâm Thiên', 'Văn Chương', 'Kim Liên',
];
const XA = ['Vân Canh', 'Kim Chung', 'Đại Thịnh', 'Tiền Phong', 'Mê Linh', 'Tam Đồng', 'Liên Hà', 'Việt Hùng', 'Uy Nỗ', 'Đông Anh', 'Hải Bối', 'Võng La', 'Đồng Tháp', 'Sơn Đồng'];
export const UNITS_OF = { PHUONG, XA } as const;

export function unitName(r: Rng): string {
  return r.chance(0.75) ? `phường ${r.pick(PHUONG)}` : `xã ${r.pick(XA)}`;
}

const DEPTS = [
  'Tài nguyên và Môi trường', 'Quản lý đô thị', 'Tài chính – Kế hoạch', 'Giáo dục và Đào tạo', 'Y tế', 'Lao động – Thương binh và Xã hội', 'Văn hóa và Thông tin',
  'Kinh tế', 'Tư pháp', 'Nội vụ', 'Thanh tra',
];

/** A title and the organisation it belongs to, as a directory would hold them. */
export function titleAndOrg(r: Rng): { titles: string[]; organization: string } {
  const u = unitName(r);
  const uu = u.charAt(0).toUpperCase() + u.slice(1);
  const roll = r.next();
  if (roll < 0.03) return { titles: ['Bí thư Quận ủy'], organization: 'Quận ủy' };
  if (roll < 0.06) return { titles: ['Phó Bí thư Quận ủy', 'Chủ tịch UBND quận'], organization: 'UBND quận' };
  if (roll < 0.1) return { titles: [`Chủ tịch HĐND ${u}`], organization: `HĐND ${u}` };
  if (roll < 0.16) return { titles: [`Chủ tịch UBND ${u}`], organization: `UBND ${u}` };
  if (roll < 0.22) return { titles: [`Bí thư Đảng ủy ${u}`], organization: `Đảng ủy ${u}` };
  if (roll < 0.3) return { titles: [`Trưởng phòng ${r.pick(DEPTS)}`], organization: 'UBND quận' };
  if (roll < 0.36) return { titles: [`Phó Trưởng phòng ${r.pick(DEPTS)}`], organization: 'UBND quận' };
  if (roll < 0.41) return { titles: [`Chủ tịch Hội LHPN ${u}`], organization: `Hội LHPN ${u}` };
  if (roll < 0.45) return { titles: [`Chủ tịch Ủy ban MTTQ ${u}`], organization: `Ủy ban MTTQ ${u}` };
  if (roll < 0.48) return { titles: [`Chủ tịch Hội Cựu chiến binh ${u}`], organization: `Hội CCB ${u}` };
  if (roll < 0.55) return { titles: [`Bí thư Chi bộ tổ dân phố số ${r.int(1, 40)}`], organization: uu };
  if (roll < 0.7) return { titles: [`Tổ trưởng tổ dân phố số ${r.int(1, 40)}`], organization: uu };
  return { titles: [], organization: `Tổ dân phố số ${r.int(1, 40)}, ${u}` };
}

export type GenPerson = { fullName: string; titles: string[]; organization: string };

export function person(r: Rng): GenPerson {
  return { fullName: personName(r), ...titleAndOrg(r) };
}

export const TOPICS = ['đất đai', 'môi trường', 'giao thông', 'giáo dục', 'y tế', 'an sinh xã hội', 'vốn vay', 'an toàn thực phẩm', 'trật tự đô thị', 'GPMB'] as const;

// Fragments of what citizens actually raise; assembled, they give recommendations of a few
// hundred to a couple of thousand characters, like the typed record of a real meeting.
const OPEN = [
  'Đề nghị UBND quận quan tâm, chỉ đạo',
  'Cử tri tổ dân phố phản ánh và đề nghị các cơ quan chức năng',
  'Kiến nghị Thành phố và quận sớm',
  'Nhân dân khu vực rất bức xúc, đề nghị',
  'Đề nghị làm rõ trách nhiệm và có giải pháp',
  'Tôi thay mặt bà con trong ngõ đề nghị',
];
const MATTER: Record<(typeof TOPICS)[number], string[]> = {
  'đất đai': [
    'cấp giấy chứng nhận quyền sử dụng đất cho các hộ gia đình đã sử dụng ổn định từ trước năm 1993',
    'giải quyết dứt điểm tranh chấp ranh giới đất giữa các hộ tại ngõ 12',
    'xử lý các trường hợp lấn chiếm đất công, xây dựng trái phép trên đất nông nghiệp',
  ],
  'môi trường': [
    'xử lý tình trạng ô nhiễm nguồn nước sông Pheo, nước thải chưa qua xử lý xả thẳng ra sông',
    'thu gom rác thải sinh hoạt đúng giờ, không để rác tồn đọng qua đêm tại điểm tập kết',
    'di dời các cơ sở sản xuất gây tiếng ồn và khói bụi ra khỏi khu dân cư',
    'nạo vét mương thoát nước, chống úng ngập cục bộ mỗi khi mưa lớn',
  ],
  'giao thông': [
    'sửa chữa mặt đường Phạm Văn Đồng đoạn qua tổ dân phố đã xuống cấp nghiêm trọng',
    'lắp đặt đèn tín hiệu giao thông tại nút giao gần trường học',
    'mở rộng đường ngõ để xe cứu thương, xe cứu hỏa có thể vào được',
  ],
  'giáo dục': [
    'xây dựng thêm trường học, lớp học để giảm sĩ số học sinh trên mỗi lớp',
    'bố trí quỹ đất xây trường mầm non công lập cho khu đô thị mới',
    'sửa chữa nhà vệ sinh và bếp ăn bán trú của trường tiểu học',
  ],
  'y tế': [
    'nâng cấp trạm y tế phường, bổ sung trang thiết bị và bác sĩ',
    'kiểm soát các cơ sở hành nghề y dược tư nhân không có giấy phép',
  ],
  'an sinh xã hội': [
    'xem xét chế độ cho người có công, thân nhân liệt sĩ còn chưa được hưởng',
    'hỗ trợ các hộ cận nghèo, người cao tuổi cô đơn không nơi nương tựa',
  ],
  'vốn vay': [
    'tạo điều kiện cho hội viên phụ nữ tiếp cận nguồn vốn vay ưu đãi để phát triển kinh tế gia đình',
    'đơn giản hóa thủ tục vay vốn giải quyết việc làm cho thanh niên',
  ],
  'an toàn thực phẩm': [
    'tăng cường kiểm tra an toàn thực phẩm tại chợ dân sinh và các bếp ăn tập thể',
    'xử lý nghiêm các cơ sở giết mổ gia súc, gia cầm không đảm bảo vệ sinh',
  ],
  'trật tự đô thị': [
    'xử lý tình trạng lấn chiếm vỉa hè, lòng đường để kinh doanh, trông giữ xe',
    'quản lý chặt chẽ việc xây dựng nhà ở riêng lẻ sai phép',
  ],
  GPMB: [
    'công khai phương án bồi thường, hỗ trợ, tái định cư khi giải phóng mặt bằng dự án đường vành đai',
    'đẩy nhanh tiến độ GPMB dự án đã treo nhiều năm, người dân không được xây dựng, sửa chữa nhà',
    'giải quyết quyền lợi cho các hộ bị thu hồi đất nông nghiệp, hỗ trợ chuyển đổi nghề',
  ],
};
const WHY = [
  'Việc này đã được cử tri kiến nghị nhiều lần tại các kỳ tiếp xúc nhưng đến nay vẫn chưa được giải quyết dứt điểm.',
  'Tình trạng trên kéo dài nhiều năm, ảnh hưởng trực tiếp đến đời sống, sức khỏe và sinh hoạt của Nhân dân.',
  'Người dân đã gửi đơn đến phường nhiều lần nhưng chưa nhận được văn bản trả lời.',
  'Đề nghị có lộ trình cụ thể, thời hạn hoàn thành và công khai để Nhân dân cùng giám sát.',
  'Đây là vấn đề bức xúc, nếu không giải quyết sớm sẽ phát sinh đơn thư vượt cấp.',
  'Bà con mong muốn lãnh đạo quận trực tiếp xuống kiểm tra thực tế tại địa bàn.',
];

export function recommendationText(r: Rng, topic: (typeof TOPICS)[number], sentences: number): string {
  const parts = [`${r.pick(OPEN)} ${r.pick(MATTER[topic])} tại ${unitName(r)}.`];
  for (let i = 1; i < sentences; i++) parts.push(r.chance(0.5) ? r.pick(WHY) : `Ngoài ra, đề nghị ${r.pick(MATTER[r.pick(TOPICS)])}.`);
  return parts.join(' ');
}

const REPLY_OPEN = ['Tiếp thu ý kiến của cử tri,', 'Về nội dung này,', 'Thay mặt UBND quận, xin trả lời như sau:', 'Đối với kiến nghị của bà,'];
const REPLY_BODY = [
  'UBND quận đã giao phòng chuyên môn phối hợp với UBND phường kiểm tra, rà soát và báo cáo trước ngày 30/11.',
  'dự án đã được Thành phố phê duyệt chủ trương đầu tư, dự kiến khởi công trong quý II năm sau.',
  'quận sẽ bố trí kinh phí trong kế hoạch đầu tư công trung hạn để thực hiện.',
  'đơn vị đã tiếp thu và sẽ trả lời bằng văn bản đến cử tri trong thời hạn 15 ngày.',
];

export function replyText(r: Rng): string {
  return `${r.pick(REPLY_OPEN)} ${r.pick(REPLY_BODY)} ${r.chance(0.5) ? r.pick(REPLY_BODY) : ''}`.trim();
}

export function meetingTitle(r: Rng, i: number): string {
  const u = unitName(r);
  return `Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân ${u} lần ${(i % 4) + 1}`;
}

/** Queries a secretary types into the search box: folded or not, names, places, topics. */
export function searchQueries(r: Rng, n: number): string[] {
  const pool = [
    'song pheo', 'sông Pheo', 'hdnd', 'HĐND', 'gpmb', 'giải phóng mặt bằng', 'an toan thuc pham', 'vốn vay ưu đãi', 'truong hoc', 'tuyen', 'Tuyên',
    'ô nhiễm', 'pham van dong', 'mầm non', 'nguoi co cong', 'lấn chiếm vỉa hè', 'tay tuu', 'Cổ Nhuế', 'đèn tín hiệu', 'rac thai', 'tai dinh cu', 'y te',
    'nguyen van', 'thi', 'xay dung', 'cap giay chung nhan', 'mương thoát nước', 'cho dan sinh', 'ho can ngheo', 'duong vanh dai',
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(i < pool.length ? pool[i] : r.chance(0.5) ? r.pick(pool) : personName(r).split(' ').slice(-2).join(' '));
  return out;
}
