# 日志签名密钥的更换（`pocdir log rotate-key`）。
values-log-log-key-rotate = { $actor } 更换了日志的签名密钥：自本条记录起由 { $object } 签署日志。
values-object-log-key = 日志密钥 { $id }
