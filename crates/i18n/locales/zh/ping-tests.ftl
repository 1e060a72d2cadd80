# 联络测试（ping test）：规则的标签、活动的检查、拒绝回答的原因和邮件。
ping-kind-scheduled = 定期
ping-kind-ad_hoc = 临时
ping-status-scheduled = 已排期
ping-status-running = 进行中
ping-status-finished = 已结束
ping-status-cancelled = 已取消
ping-roles-both = 外交和技术联络点
ping-roles-diplomatic = 外交联络点
ping-roles-technical = 技术联络点
ping-channel-link = 邮件中的链接
ping-channel-portal = 门户
ping-channel-api = API
ping-channel-other_channel = 其他渠道（由秘书处记录）
ping-outcome-in_time = 按时回答
ping-outcome-late = 逾期回答
ping-outcome-no_answer = 未回答
ping-outcome-undeliverable = 邮件无法投递
ping-outcome-awaiting = 等待回答
ping-finding-reached = 已联系上
ping-finding-not_reached = 未联系上
ping-reach-all = 所有联络点均已联系上
ping-reach-partly = 部分联络点已联系上
ping-reach-none = 没有联络点联系上
ping-reach-awaiting = 等待回答
ping-band-under_1h = 1 小时以内
ping-band-1h_4h = 1 至 4 小时
ping-band-4h_12h = 4 至 12 小时
ping-band-12h_24h = 12 至 24 小时
ping-band-24h_48h = 1 至 2 天
ping-band-48h_72h = 2 至 3 天
ping-band-over_72h = 3 天以上
ping-refused-unknown = 此联络测试链接无效。请检查是否从邮件中复制了完整链接；未记录任何内容。
ping-refused-used = 此联络测试已回答。谢谢：无需再做任何事。
ping-refused-expired = 此联络测试已关闭，不再记录回答。未记录任何内容。
ping-refused-cancelled = 秘书处已取消此联络测试。未记录任何内容，也无需再做任何事。
ping-error-title-required = 请为活动命名。
ping-error-title-invalid = 标题最多 200 个字符，不得含控制字符。
ping-error-start-past = 开始时间已过。请选择从现在起的时间，或留空以立即开始。
ping-error-start-far = 开始时间须在三年之内。
ping-error-window = 回答时限须在 1 小时至 30 天之间。
ping-error-reminders-many = 最多五次提醒。
ping-error-reminder-outside = 每次提醒都须在回答时限之内（开始后至少 1 小时）。
ping-error-region-unknown = 所选区域不是参与国所在的区域。
ping-error-state-unknown = 所选国家未参与。
ping-error-announce-adhoc = 立即开始的活动不能提前通知；请将其排期到以后。
ping-error-scope-empty = 此范围内没有联络点：没有参与国的有效联络点符合所选的角色、区域和国家。
ping-error-note = 备注最多 2,000 个字符。
ping-error-cancel-over = 只能取消已排期或进行中的活动。
ping-error-publish-unfinished = 只能公布已结束活动的数据。
ping-error-published-already = 此活动的数据已经公布。
ping-mail-challenge-subject = 联络测试：请确认可以联系到您（{ $title }）
ping-mail-challenge-body =
    这是联络点名录的一次联络测试（{ $title }）。
    它检查各国指定的联络点能否被联系到并按时回答。

    请打开此链接，并在打开的页面上按“我确认”按钮：
    { $link }

    请于 { $answer_by } 之前回答。仅打开链接不会记录任何内容。
    此链接只能使用一次，且仅供您本人使用；请勿转发。

    什么是联络测试及其结果如何使用：{ $about }
ping-mail-reminder-subject = 提醒：联络测试，请确认可以联系到您（{ $title }）
ping-mail-reminder-body =
    我们尚未收到您对联络点名录联络测试（{ $title }）的回答。

    请打开此链接，并在打开的页面上按“我确认”按钮：
    { $link }

    请于 { $answer_by } 之前回答。

    什么是联络测试及其结果如何使用：{ $about }
ping-mail-notice-subject = 将进行一次联络测试（{ $title }）
ping-mail-notice-body =
    联络点名录的一次联络测试（{ $title }）将于 { $starts_at } 开始。
    您将收到一封带链接的邮件；请打开链接并在打开的页面上按按钮。

    什么是联络测试及其结果如何使用：{ $about }
ping-mail-escalation-subject = 联络测试：贵国有 { $count } 个联络点未按时回答（{ $title }）
ping-mail-escalation-body =
    联络测试“{ $title }”的回答时限已结束。
    贵国的以下联络点未按时回答：

    { $pocs }

    请核实其信息是否最新以及能否联系到他们。结果：{ $link }
