# 准备情况自我评估和行动计划（能力建设）。

readiness-title = 准备情况和行动计划
readiness-lead = 评估贵国参与名录的准备程度。每项差距都会成为贵国行动计划中的一个步骤，只需点击一次即可将其转为援助请求。您的答复归贵国所有：只有在您选择共享时，秘书处才能看到；否则，秘书处只能在区域汇总数据中看到。
readiness-secretariat-lead = { $count ->
   *[other] 按区域分列的准备情况，依据各国最近一次自我评估。只有某一区域已有 { $count } 个国家作答后，才会显示该区域的汇总数据，以免从中推断出任何一国的答复。
}
readiness-by-region = 按区域分列
readiness-none-yet = 尚无国家完成自我评估。
readiness-states-answered = { $count ->
   *[other] 已有 { $count } 个国家作答。
}
readiness-withheld = 该区域作答的国家过少，无法显示其汇总数据。
readiness-shared-title = 共享答复的国家
readiness-shared-none = 没有国家共享其答复。
readiness-last = 最近一次自我评估：
readiness-is-shared = 已与秘书处共享
readiness-plan = 行动计划
readiness-ask = 请求援助
readiness-no-gaps = 没有差距：贵国满足全部六项要点。
readiness-form-title = 自我评估
readiness-share = 与秘书处共享这些答复
readiness-save = 保存自我评估
readiness-request-origin = 源自本国的准备情况行动计划
done-readiness-assessed = 自我评估已保存，行动计划已更新。

readiness-point-national_csirt = 设有具备授权的国家 CSIRT 或 CERT
readiness-point-reachable_any_hour = 联络点可随时联系到
readiness-point-secure_channels = 安全渠道：OpenPGP 密钥已发布且保持最新
readiness-point-both_pocs = 外交联络点和技术联络点均已提名
readiness-point-ping_tests = 按时回答联络测试
readiness-point-staff_trained = 工作人员已接受电子学习模块培训
readiness-answer-yes = 是
readiness-answer-partly = 部分
readiness-answer-no = 否

readiness-action-national_csirt = 建立具备明确授权、人员和程序的国家 CSIRT。
readiness-action-reachable_any_hour = 为技术联络点安排全天候值班表。
readiness-action-secure_channels = 为各联络点生成 OpenPGP 密钥，并在名录中发布。
readiness-action-both_pocs = 确定外交联络点和技术联络点人选，并予以提名。
readiness-action-ping_tests = 培训各联络点回答联络测试，并使其条目保持最新。
readiness-action-staff_trained = 安排工作人员学习电子学习模块并取得证书。

readiness-problem-answers = 请对每项要点回答“是”“部分”或“否”。
readiness-refused-no-gap = 在贵国最近一次自我评估中，此要点不属于差距。
