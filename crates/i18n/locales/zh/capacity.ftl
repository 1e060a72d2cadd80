# 能力建设：请求、援助提议、选择、秘书处的确认收到和确认匹配、
# 后续跟进。

home-capacity-link = 能力建设：请求和援助提议
capacity-object = 能力建设请求 #{ $id }

capacity-list-title = 能力建设
capacity-list-lead = 各国请求能力建设方面的援助；各国和各组织提供援助；由提出请求的国家作出选择，秘书处确认匹配，每项匹配均在 6 个月和 12 个月后进行后续跟进。
capacity-new-title = 提交能力建设请求
capacity-new-intro = 请说明贵国的需求。提供方按您在下方所作的选择查看请求；您比较各项援助提议后选定其中一项。
capacity-count = { $count ->
   *[other] { $count } 项请求
}
capacity-overdue-count = { $count ->
   *[other] { $count } 项请求已超过 5 个工作日的期限，仍在等待确认收到。
}
capacity-filter-show = 显示
capacity-show-open = 接受援助提议的请求
capacity-show-mine = 本国的请求
capacity-show-all = 我可查看的全部请求
capacity-filter-any = 不限
capacity-filter-needed-before = 需要日期（最迟）
capacity-filter-apply = 筛选
capacity-col-request = 请求
capacity-col-requester = 提出请求的国家
capacity-col-status = 状态
capacity-col-filed = 提交时间
capacity-col-first-offer = 首项援助提议
capacity-col-provider = 提供方
capacity-col-funded = 由提供方出资
capacity-col-steps = 操作
capacity-request-number = 请求 #
capacity-own = 贵国
capacity-anonymous-requester = 某参与国（在选定援助提议之前匿名）
capacity-yes = 是
capacity-no = 否
capacity-due = 截止日期
capacity-clocks = 服务时限
capacity-offers = 援助提议
capacity-no-offers = 尚无援助提议。
capacity-offer-title = 提供援助
capacity-offer-description = 您提供的援助：由谁提供、提供什么、何时提供
capacity-offer-funded = 由我方自行出资
capacity-make-offer = 提交援助提议
capacity-withdraw-offer = 撤回援助提议
capacity-follow-ups = 后续跟进
capacity-follow-up-not-yet = 尚未到期：表格将在截止日期开放。
capacity-report-follow-up = 报告结果
capacity-file = 提交请求

capacity-field-areas = 领域
capacity-field-description = 说明
capacity-description-hint = 您需要什么、为谁需要，以及已具备哪些条件。
capacity-field-languages = 语文
capacity-field-format = 形式
capacity-field-needed-by = 需要日期
capacity-field-funding-needed = 需要资金
capacity-field-visibility = 谁可查看请求
capacity-visibility-hint = 指定提供方：请在下方列表中选择。
capacity-field-providers = 指定提供方
capacity-field-outcome = 结果
capacity-field-what-changed = 发生了哪些变化

capacity-area-strategy_policy = 战略和政策
capacity-area-incident_response = 事件响应和 CSIRT 建设
capacity-area-critical_infrastructure = 关键基础设施保护
capacity-area-cybercrime = 网络犯罪和电子证据
capacity-area-international_law = 国际法和规范
capacity-area-technical_training = 技术培训
capacity-area-awareness = 意识提升
capacity-area-standards = 标准

capacity-format-training = 培训
capacity-format-advisory_mission = 咨询团
capacity-format-equipment = 设备
capacity-format-peer_review = 同行审议

capacity-visibility-all_providers = 所有提供方
capacity-visibility-named_providers = 仅限指定提供方
capacity-visibility-anonymous = 所有提供方，在我方选定援助提议之前不显示我国名称

capacity-status-filed = 已提交
capacity-status-acknowledged = 已确认收到
capacity-status-selected = 已选定援助提议
capacity-status-matched = 已确认匹配
capacity-status-closed = 已关闭
capacity-status-withdrawn = 已撤回

capacity-offer-status-open = 有效
capacity-offer-status-selected = 已选定
capacity-offer-status-not_selected = 未选定
capacity-offer-status-withdrawn = 已撤回

capacity-outcome-delivered = 已提供
capacity-outcome-partly = 部分提供
capacity-outcome-not_delivered = 未提供

capacity-milestone-six_months = 6 个月后的后续跟进
capacity-milestone-twelve_months = 12 个月后的后续跟进

capacity-step-acknowledge = 确认收到请求
capacity-step-select = 选定此援助提议
capacity-step-confirm = 确认匹配
capacity-step-withdraw = 撤回请求

capacity-clock-acknowledgement = 秘书处确认收到
capacity-clock-running = 计时中
capacity-clock-overdue = 已逾期
capacity-clock-met = 已按时完成
capacity-clock-late = 逾期完成

capacity-error-required = 此项为必填。
capacity-error-too-long = 内容过长（最多 4000 个字符）。
capacity-error-control-characters = 含有控制字符。
capacity-error-area = 请从列表中至少选择一个领域。
capacity-error-language = 请至少选择联合国六种语言之一。
capacity-error-format = 请从列表中选择一种形式。
capacity-error-date = 请按 YYYY-MM-DD 格式填写日期。
capacity-error-date-past = 日期必须是将来的日期。
capacity-error-date-far = 日期必须在五年之内。
capacity-error-visibility = 请选择谁可查看请求。
capacity-error-providers = 请至少指定一个本国以外的参与提供方。

capacity-refused-not-participating = 只有参与国的账户才能执行此操作。
capacity-refused-closed = 该请求已不允许此操作：请求已关闭、已撤回或已进入后续阶段。
capacity-refused-acknowledged = 已确认收到该请求。
capacity-refused-selected = 已为该请求选定援助提议。
capacity-refused-not-selected = 尚未选定并确认任何援助提议。
capacity-refused-offer = 该援助提议对此请求无效。
capacity-refused-own = 贵国不能针对本国的请求提出援助提议。
capacity-refused-offered = 贵国已针对该请求提出一项有效的援助提议。
capacity-refused-not-due = 此项后续跟进尚未到期。
capacity-refused-reported = 此项后续跟进已报告。

done-capacity-filed = 请求已提交。秘书处将在 5 个工作日内确认收到。
done-capacity-offered = 您的援助提议已提交。提出请求的国家将比较各项援助提议。
done-capacity-offer-withdrawn = 您的援助提议已撤回。
done-capacity-selected = 援助提议已选定。秘书处将确认匹配。
done-capacity-withdrawn = 请求已撤回。
done-capacity-acknowledged = 已确认收到请求。
done-capacity-confirmed = 匹配已确认。后续跟进在选定后 6 个月和 12 个月到期。
done-capacity-followed-up = 后续跟进已报告。

values-log-capacity-request = { $actor } 提交了{ $object }。
values-log-capacity-acknowledge = { $actor } 确认收到{ $object }。
values-log-capacity-offer = { $actor } 针对{ $object }提出了援助提议。
values-log-capacity-withdraw-offer = { $actor } 撤回了针对{ $object }的一项援助提议。
values-log-capacity-select = { $actor } 选定了针对{ $object }的一项援助提议。
values-log-capacity-confirm = { $actor } 确认了{ $object }的匹配。
values-log-capacity-withdraw = { $actor } 撤回了{ $object }。
values-log-capacity-follow-up = { $actor } 报告了{ $object }的一项后续跟进。

# 资金：捐助方的认捐、承付和支付。
capacity-funding-title = 资金
capacity-funding-lead = 捐助方为请求或某一能力建设领域认捐、承付和支付资金。每笔金额均以其原货币计；合计按货币分别计算。
capacity-no-funding = 尚无资金记录。
capacity-col-donor = 捐助方
capacity-col-funds = 资助对象
capacity-col-stage = 阶段
capacity-col-amount = 金额
capacity-col-when = 日期
capacity-col-currency = 货币
capacity-funding-totals = 按货币分列的合计
capacity-funding-pledge = 已认捐
capacity-funding-commitment = 已承付
capacity-funding-disbursement = 已支付
capacity-currency-hint = ISO 4217 代码，例如 EUR, USD, JPY。
capacity-amount-hint = 正数，小数位数不超过该货币的小数位数，例如 25000.50。
capacity-fund-area = 为某一领域认捐
capacity-fund = 记录资金
capacity-error-stage = 请选择已认捐、已承付或已支付。
capacity-error-currency = 请填写 ISO 4217 货币代码，例如 EUR 或 USD。
capacity-error-amount = 请填写正数金额，小数位数不得超过该货币的小数位数。
capacity-refused-own-funding = 贵国不能为本国的请求出资。
done-capacity-funded = 资金已记录。
values-log-capacity-fund = { $actor } 记录了针对{ $object }的资金。
values-log-capacity-assess = { $actor } 完成了本国的准备情况自我评估。
capacity-help-requests = 援助请求和援助提议
capacity-help-requests-text = 参与国的提名机构或外交联络点提交请求，说明领域、所需内容、首选语文、形式、需要日期、是否需要资金，以及谁可查看请求（所有提供方、指定提供方，或所有提供方但不显示该国名称）。秘书处在 5 个工作日内确认收到。提供方提出援助提议；提出请求的国家比较各项援助提议并选定其中一项，秘书处确认匹配。选定后 6 个月和 12 个月，提出请求的国家报告结果。每项时限都显示在请求上：计时中、已逾期、已按时完成或逾期完成。
capacity-help-funding = 资金
capacity-help-funding-text = 一国的提名机构或外交联络点可以为该国可查看的请求或整个领域认捐、承付和支付资金，所用货币可自行选择；合计按货币分别计算，绝不换算。提出请求的国家可以看到谁在为其请求出资。
capacity-help-readiness = 准备情况和行动计划
capacity-help-readiness-text = 一国回答六个问题（国家 CSIRT、随时可联系、安全渠道和 OpenPGP 密钥、两类联络点、按时回答联络测试、工作人员培训），并获得一份行动计划。每项差距都可一步转为一项预先拟好的请求。秘书处可以看到按区域分列的汇总数据，只有在某国共享其答复时才能看到该国的答复。
