# TAXII 2.1：日志中关于集合与 STIX 对象的语句。
taxii-object-collection = TAXII 集合 { $id }
values-log-taxii-create-collection = { $actor }创建了{ $object }。
values-log-taxii-add = { $actor }向{ $object }添加了 STIX 对象。
values-log-taxii-delete = { $actor }从{ $object }删除了一个 STIX 对象。
