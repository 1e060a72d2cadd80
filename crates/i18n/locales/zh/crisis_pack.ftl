# 离线危机包。
crisis-pack-home-link = 危机包：可离线保存的名录，供门户无法访问时使用
crisis-pack-title = 离线危机包
crisis-pack-intro = 您可查看的名录条目的快照，供门户停止运行或您的国家网络中断时使用。它是一个无需网络即可在任何浏览器中打开的 HTML 文件，其中还包含相同条目的 CSV 文件。
crisis-pack-validity = 危机包自生成之时起 { $days } 天内有效；其顶部显示生成至今的时间。
crisis-pack-entries = 危机包将包含 { $count } 个条目。
crisis-pack-reads = 与导出一样，每次下载都会在日志中记录为对其中每个条目的读取。
crisis-pack-supersedes = 较新的危机包取代较旧的：只保留最新的一个。
crisis-pack-check-heading = 核验危机包
crisis-pack-instance-key = 危机包由本实例的 OpenPGP 密钥签名，指纹为：
crisis-pack-key-link = 下载本实例的公钥
crisis-pack-check-how = 无法使用门户时，可用 gpg 或 pocdir 核验签名：
crisis-pack-download-heading = 下载危机包
crisis-pack-to-key = 危机包将使用您条目的 OpenPGP 密钥加密：
crisis-pack-to-passphrase = 您的条目没有 OpenPGP 密钥：危机包将使用您现在选择的口令加密。请将口令与文件分开保存。
crisis-pack-passphrase = 口令（至少 12 个字符）
crisis-pack-passphrase-again = 再次输入口令
crisis-pack-download = 下载危机包
crisis-pack-error-passphrase = 请选择至少 12 个字符的口令。
crisis-pack-error-passphrase-again = 两次输入的口令不一致。
crisis-pack-file-title = pocdir 危机包
crisis-pack-file-issued = 签发于 { $date }
crisis-pack-file-valid-until = { $date } 之后请勿依赖
crisis-pack-file-holder = 持有人
crisis-pack-file-entries = 条目
crisis-pack-file-serial = 序号（越大越新）
crisis-pack-file-signing-key = 签名密钥
crisis-pack-file-explanation = 机密：请妥善保管此文件，不要与任何人分享。它是上述日期时名录的副本；较新的危机包将取代它。
crisis-pack-file-expired = 此危机包已过期：请尽快获取较新的危机包。
crisis-pack-file-age = 此危机包已生成 { $days } 天。
crisis-pack-file-download-csv = 将条目保存为 CSV 文件
crisis-pack-role-diplomatic = 外交
crisis-pack-role-technical = 技术
crisis-pack-col-role = 角色
crisis-pack-object = 第 { $id } 号危机包
values-log-crisis-pack-issue = { $actor } 下载了{ $object }（可离线保存的名录）。
crisis-pack-help = 离线保存名录
crisis-pack-help-text = 危机包页面（从您的主页进入）将您可查看的名录条目下载为一个文件，供门户无法访问时使用：由本实例签名，使用您条目的 OpenPGP 密钥或您选择的口令加密，有效期 30 天，并在顶部显示生成至今的时间。可离线使用 gpg 或 pocdir pack verify 核验；较新的危机包取代较旧的。每次下载都记录为对其中每个条目的读取。
crisis-pack-by-mail = 此外，每 { $days } 天会向条目中有 OpenPGP 密钥的每个联络点邮寄一份新的数据包，并以该密钥加密。
crisis-pack-by-mail-you = 您将通过 { $email } 收到。
crisis-pack-by-mail-not-you = 不会向您邮寄数据包：您的账户没有带可用 OpenPGP 密钥的条目。请在您的条目中添加密钥以接收数据包。
crisis-pack-mail-subject = pocdir 危机数据包（{ $date }）
crisis-pack-mail-body =
    您好：

    以下是您 { $date } 的危机数据包：您可查看的名录条目，供门户无法访问时使用。它以您的 OpenPGP 密钥加密，并由本实例的密钥签名。有效期至 { $until }；较新的数据包将取代它。

    您的邮件程序可能可以直接打开它。否则，请将本邮件的文本保存为文件并运行：gpg --decrypt 文件，或 pocdir pack verify 文件。

    制作此数据包已在日志中记录为对其中每个条目的读取。门户上的危机数据包页面：{ $link }
