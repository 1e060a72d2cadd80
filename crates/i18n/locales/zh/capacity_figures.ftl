# 能力建设数据（秘书处页面和导出文件）。

capacity-figures-title = 能力建设数据
capacity-figures-lead = 请求的进展情况，按领域和提出请求的国家所属区域分列；援助提议和确认收到所用的时间；匹配、后续跟进结果和资金。天数以“中位数 / 第 90 百分位数”表示。
capacity-figures-link = 数据
capacity-figures-requests = 请求
capacity-figures-matches = 已确认的匹配
capacity-figures-awaiting = 已选定援助提议，待确认
capacity-figures-first-offer = 收到首项援助提议所用天数
capacity-figures-acknowledgement = 确认收到所用天数
capacity-figures-without-offer = { $count ->
   *[other] { $count } 项开放中的请求尚无援助提议
}
capacity-figures-in-time = { $count ->
   *[other] { $count } 项请求在 5 个工作日内确认收到
}
capacity-figures-by-area = 按领域分列的请求
capacity-figures-by-region = 按区域分列的请求
capacity-figures-total = 全部
capacity-figures-open = 开放中
capacity-figures-outcomes = 后续跟进结果
capacity-figures-no-outcomes = 尚未报告任何后续跟进。
capacity-figures-funding = 按货币分列的资金
capacity-figures-no-funding = 尚未记录任何资金。
