/**
 * The notes (备注) of the MOST data sample form (seed 004, 创新积分制数据样表), by field id: what
 * each figure means. Used in the template's notes row.
 */
export const FORM_NOTES: Readonly<Record<string, string>> = {
  tech_staff: '期内企业参加科技项目活动的人员总数。',
  employees: '期末在本单位工作并取得工资或其他形式劳动报酬的人员数，是在岗职工、劳务派遣人员及其他从业人员之和（不含实习学生、劳务外包人员）。',
  postgrad_staff: '最高一级教育为研究生教育并取得毕业证书或硕士、博士学位证书的人员，不包括肄业、结业、在读或辍学人员。',
  new_graduates: '期内在境内各类高校毕业生中招收的应届毕业生数（包含国家承认的大专学历学生）。',
  invention_applications: '期内企业作为第一申请人提出的与主责主业相关、被受理并缴足申请费、符合进入初步审查条件的发明专利申请件数。',
  pct_applications: '期内企业作为第一申请人提出的与主责主业相关的PCT国际专利申请数量。',
  rd_expense: '研发活动的人工费用、直接投入费用、仪器设备折旧、软件及专利等摊销、新产品设计费、新工艺规程制定费及其他相关费用。',
  tech_contract_value: '期内企业吸纳和输出的技术合同成交总额（开发合作、转让合同）。',
  high_tech_revenue: '符合国家和省高新技术重点范围、技术领域和产品参考目录的产品所形成的销售收入。',
  revenue: '期内企业从事主营业务或其他业务所取得的收入总额。',
  rd_tax_relief: '按有关政策和税法规定税前加计扣除的研究开发活动费用所得税，按税务部门当年实际减免的税额填报。',
  net_profit: '企业实现的利润在上缴国家所得税后的剩余部分（损益表“净利润”本年累计数）。',
  equity_begin: '上一年度期末资产扣除负债后由所有者享有的剩余权益（资产负债表“所有者权益合计”上年末余额）。',
  equity_end: '资产负债表中“所有者权益合计”项目的期末余额。',
  platforms: '企业当年获批的省级及以上重点实验室、工程中心等。',
  awards: '企业作为第一单位当年获得的省级及以上科技奖励数量。',
  projects: '企业作为牵头单位当年承担的省级及以上科技计划项目数量（国家级可为项目或课题）。',
  venture_capital: '期内企业获得创投机构、风险投资机构的投资额。',
  intended_banks: '由企业自主填报，至少 1 家，最多不超过 3 家。',
  uscc: '18 位，按 GB 32100-2015 校验；每家企业一行。',
  registration_date: '写成 YYYY-MM-DD，如 2018-06-30。',
  industry_code: '国民经济行业代码（GB/T 4754-2017），到二级行业，如 C39。',
};
