import type { CreateDocumentInput } from "#shared/documents.ts";

/**
 * Every Council document the seeds cite, registered by symbol. The seeds give no official titles
 * or issue dates, so each title says what the seed cites the document for (in the seed's Chinese
 * and in English), and the date is left empty rather than guessed. C18/35 is the symbol we assume
 * for seed 004 itself (demo/figures.ts), whose Chinese version we hold.
 */
const cited = (symbol: string, zh: string, en: string, languages: "zh"[] = []): CreateDocumentInput => ({
  symbol,
  title: { zh, en },
  originalLanguage: "zh",
  languages,
  issuedOn: null,
  bodyId: null,
  meetingId: null,
  link: null,
});

export const DEMO_DOCUMENTS: CreateDocumentInput[] = [
  cited(
    "C15/38(Rev.1)",
    "三个顾问组部门间协调组（ISCT）的背景信息",
    "Background to the advisory groups' inter-sectoral coordination team (ISCT)",
  ),
  cited(
    "C16/38",
    "向理事会2016年会议提交的第191号决议（2014年，釜山）实施报告",
    "Report to Council 2016 on the implementation of Resolution 191 (Busan, 2014)",
  ),
  cited("C18/35", "支持服务", "Support services", ["zh"]),
  cited("C18/52", "职业操守办公室的各项措施与活动", "Measures and activities of the Ethics Office"),
  cited(
    "C15/12",
    "理事会语文工作组（CWG-LANG）向理事会提交的报告",
    "Report of the Council Working Group on Languages (CWG-LANG) to the Council",
  ),
  cited("C17/21", "2016年出版物销售收入详情", "Publication sales in 2016, in detail"),
  cited("C17/INF/4", "2016年出版物销售收入详情", "Publication sales in 2016, in detail"),
  cited(
    "C18/21",
    "2017年出版物销售收入及欠费跟进详情",
    "Publication sales in 2017 and the follow-up of arrears, in detail",
  ),
  cited("C18/INF/2", "2017年出版物销售收入详情", "Publication sales in 2017, in detail"),
  cited("C18/INF/1", "欠费跟进（第152号决议）详情", "Follow-up of arrears (Resolution 152), in detail"),
  cited("C16/70", "安保服务详情", "Safety and security services, in detail"),
  cited("C16/72", "安保服务详情", "Safety and security services, in detail"),
  cited("C17/63", "安保服务详情", "Safety and security services, in detail"),
  cited("C17/140", "安保服务详情", "Safety and security services, in detail"),
  cited(
    "C15/44",
    "第48号决议（2014年，釜山，修订版）执行情况",
    "Implementation of Resolution 48 (Rev. Busan, 2014)",
  ),
  cited(
    "C16/53",
    "第48号决议（2014年，釜山，修订版）执行情况",
    "Implementation of Resolution 48 (Rev. Busan, 2014)",
  ),
  cited(
    "C17/53",
    "第48号决议（2014年，釜山，修订版）执行情况",
    "Implementation of Resolution 48 (Rev. Busan, 2014)",
  ),
  cited(
    "C18/24",
    "第48号决议（2014年，釜山，修订版）执行情况",
    "Implementation of Resolution 48 (Rev. Busan, 2014)",
  ),
  cited("C16/45", "2016年制定的预算", "The budget drawn up in 2016"),
  cited(
    "C17/42",
    "截至2016年12月31日财务年度的财务工作报告",
    "Financial operating report for the year ended 31 December 2016",
  ),
  cited(
    "C17/46",
    "2016年ASHI义务和健康保险全面精算研究",
    "Comprehensive actuarial study of ASHI liabilities and health insurance, 2016",
  ),
  cited("C17/45", "2017年预算的执行", "Execution of the 2017 budget"),
  cited(
    "C18/42",
    "截至2017年12月31日财务年度未经审计的财务运行报告",
    "Unaudited financial operating report for the year ended 31 December 2017",
  ),
  cited(
    "C18/46",
    "2017年底ASHI义务和健康保险全面精算研究报告",
    "Comprehensive actuarial study of ASHI liabilities and health insurance, end of 2017",
  ),
  cited("C18/45", "2018年预算执行的监督", "Monitoring of the execution of the 2018 budget"),
  cited("C15/43", "内部审计活动年度报告", "Annual report on internal audit activities"),
  cited("C16/10", "内部审计活动年度报告", "Annual report on internal audit activities"),
  cited("C17/44", "内部审计活动年度报告", "Annual report on internal audit activities"),
];
