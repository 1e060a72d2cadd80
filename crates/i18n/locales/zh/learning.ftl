# 电子学习：模块、课、测验和结业证书。


learning-list-title = 电子学习
learning-list-lead = 以您的语文提供的、介绍名录工作的简短模块。请阅读各课，然后通过测验，即可获得任何人均可核实的证书。
learning-none = 尚未发布任何模块。
learning-lessons-read = 已读课数：
learning-best-score = 最佳成绩：
learning-certificate-link = 您的证书
learning-version = 版本
learning-lessons = 课程内容
learning-lesson = 课
learning-read = 已读
learning-read-next = 标记为已读并进入下一课
learning-read-last = 标记为已读并返回模块
learning-quiz = 测验
learning-quiz-about = { $questions ->
   *[other] 共 { $questions } 道题。
}
learning-quiz-minutes = { $minutes ->
   *[other] 开始后，您有 { $minutes } 分钟的作答时间。
}
learning-quiz-mastery = 正确率达到 { $percent } % 即为通过。
learning-quiz-start = 开始测验
learning-quiz-continue = 继续测验
learning-quiz-again = 重新参加测验
learning-quiz-submit = 提交答案
learning-deadline = 作答截止时间：
learning-passed = 您已通过。您的证书已生成。
learning-not-passed = 您本次未达到合格分数。请重新阅读各课，然后再次参加测验。
learning-score = 成绩：
learning-mastery = 合格分数：
done-learning-graded = 您的答案已评分。
done-learning-uploaded = 该模块已作为新版本发布。

learning-manage-title = 管理模块
learning-manage-lead = 请一并上传模块的所有文件：module.toml、每课每种语文各一个 Markdown 文件，以及每种语文各一个测验文件。每次上传都会成为一个新版本；以前的版本及其颁发的证书保持不变。
learning-upload-files = 模块文件
learning-upload-hint = 例如：module.toml、01-roles.en.md、01-roles.fr.md、quiz.en.toml、quiz.fr.toml。不接受原始 HTML、图片和脚本。
learning-upload = 上传
learning-upload-refused = 模块未发布。请纠正以下问题后重新上传：
learning-upload-concurrent = 该模块的另一个版本恰在同一时刻发布。请重新上传，以便在其之后发布您的版本。
learning-modules = 模块
learning-module = 模块
learning-languages = 语文
learning-versions = 版本

learning-problem-no-files = 未选择任何文件。
learning-problem-too-large = 过大：每个文件最大 256 KiB，总计最大 2 MiB，最多 200 个文件。
learning-problem-not-text = 不是 UTF-8 文本。
learning-problem-unknown-file = 此文件不属于模块：其名称必须为 module.toml、<lesson>.<language>.md 或 quiz.<language>.toml。
learning-problem-duplicate-file = 此文件被选择了两次。
learning-problem-no-manifest = 缺少 module.toml。
learning-problem-unreadable = 无法读取此 TOML 文件。
learning-problem-format = 格式必须为 "pocdir-learning-module/1"。
learning-problem-slug = 模块名称（slug）必须由 3 至 60 个小写拉丁字母、数字或连字符组成。
learning-problem-mastery = 合格分数必须在 50 % 至 100 % 之间。
learning-problem-minutes = 测验时间必须在 5 至 240 分钟之间。
learning-problem-lessons = 必须有 1 至 20 课，各课名称互不相同，由小写拉丁字母、数字或连字符组成。
learning-problem-answers = 每个答案必须是一个选项的编号（1 至 6），题目数量为 1 至 50 道。
learning-problem-missing-file = 缺少此文件：每种语文都需要包含全部各课和一个测验。
learning-problem-questions = 测验必须有标题，题目数量须与答案数量相同，每道题有 2 至 6 个选项，且各语文的选项数量相同。
learning-problem-no-reference = 缺少英文文本：每个模块都必须有英文文本。
learning-problem-html = 课中不允许使用原始 HTML。
learning-problem-image = 课中不允许使用图片。
learning-problem-link = 链接只能指向 https、http 或 mailto 地址。
learning-problem-heading = 每课必须以其标题开头，即一行 "# 标题"。
learning-quiz-past-deadline = 本次作答时间已到。请重新开始测验。
learning-quiz-incomplete = 请为每道题选择一个答案。
learning-quiz-already-graded = 这些答案已经评过分。

certificate-title = 结业证书
certificate-valid = 此证书真实有效：其签名与本 pocdir 实例的密钥相符。
certificate-forged = 此证书并非真实有效：其内容与签名不符。
certificate-unreadable = 这不是 pocdir 证书（请粘贴完整的证书文本）。
certificate-unknown-key = 此证书并非由本 pocdir 实例签署。
certificate-certifies = 兹证明
certificate-passed = 已通过以下电子学习模块
certificate-date = 日期
certificate-issuer = 颁发方
certificate-id = 证书编号
certificate-key = 签名密钥
certificate-json = 证书文本
certificate-json-hint = 请保存此文本：任何人都可以在本 pocdir 实例的核实页面或使用下方命令对其进行核实。
certificate-verify-title = 核实证书
certificate-verify-lead = 粘贴证书文本，以核实该证书确由本 pocdir 实例颁发，且内容未经任何改动。
certificate-verify-paste = 证书文本
certificate-verify = 核实
certificate-verify-cli = 不使用浏览器：

values-log-learning-upload = { $actor } 发布了{ $object }的一个版本。
values-log-learning-grade = { $actor } 参加了{ $object }的测验。

learning-object = 电子学习模块 { $id }
home-learning-link = 电子学习：简短模块和证书
public-certificate-teaser = 收到了 pocdir 电子学习证书？任何人均可核实其真实性。
learning-help = 电子学习和证书
learning-help-text = 每个模块都有若干简短的课和一项测验，以六种语文提供。将各课标记为已读，然后打开测验：须在规定时间内一次作答完毕。达到模块的合格分数即可获得由本 pocdir 实例密钥签署的证书；任何人都可以在公开核实页面上核实该证书，您所在的组织也可以将您完成模块的记录作为 xAPI 语句导入。
