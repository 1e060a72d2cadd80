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
