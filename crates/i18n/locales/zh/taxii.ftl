# TAXII 2.1：日志中关于集合与 STIX 对象的语句。
taxii-object-collection = TAXII 集合 { $id }
values-log-taxii-create-collection = { $actor }创建了{ $object }。
values-log-taxii-add = { $actor }向{ $object }添加了 STIX 对象。
values-log-taxii-delete = { $actor }从{ $object }删除了一个 STIX 对象。

# TAXII 2.1：错误的标题（TAXII 客户端收到英文版）。
taxii-error-not-acceptable = 答复只能是 TAXII 2.1：请求 application/taxii+json;version=2.1。
taxii-error-content-type = 请以 application/taxii+json;version=2.1 发送信封。
taxii-error-filter-unknown = 此端点不接受参数 { $parameter }。
taxii-error-filter-repeated = 参数 { $parameter } 给出了不止一次。
taxii-error-filter-invalid = 无法读取参数 { $parameter } 的值。
taxii-error-next-forged = 此 next 不是本服务器为此集合和这些筛选条件给出的。
taxii-error-next-expired = 此 next 已过期：请从第一页重新开始。
taxii-error-not-envelope = 请求正文不是 TAXII 信封：即带有数组“objects”的 JSON 对象。
taxii-error-empty-envelope = 信封中没有对象。
taxii-error-too-many-objects = 信封中的对象多于一次请求可添加的数量（{ $max }）。
taxii-error-may-not-read = 此账户不能读取此集合。
taxii-error-may-not-write = 此账户不能写入此集合。

# TAXII 2.1：技术联络点或报告方的 TAXII 客户端如何连接。
account-taxii-heading = 威胁信息交换（TAXII 2.1）
account-taxii-intro = 您的 TAXII 2.1 客户端（例如 MISP、OpenCTI 或 taxii2-client）在此与其他参与国交换 STIX 2.1。请为其填写以下设置：
account-taxii-server = 服务器（发现地址）
account-taxii-user = 用户名
account-taxii-password = 密码
account-taxii-password-is = 本页的一个 API 令牌：“读取”用于接收，“读取和写入”用于共享。
home-taxii-link = 威胁信息交换（TAXII 2.1）：如何连接
help-task-taxii = 通过 TAXII 2.1 交换威胁信息
help-task-taxii-text = 技术联络点通过 TAXII 2.1 共享和接收 STIX 2.1：一个所有参与国共享的集合，以及每个国家一个收件集合，其他国家可写入，只有该国可读取。您的账户页面给出服务器地址；用户名是您的电子邮件地址，密码是一个 API 令牌。没有 TLP 标记的对象采用其集合的标签；TLP:RED 对象会被拒绝。经审核的报告方写入接收集合，不能读取任何内容。
