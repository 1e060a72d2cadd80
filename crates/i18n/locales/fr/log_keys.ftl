# Les changements de la clé du journal (`pocdir log rotate-key`).
values-log-log-key-rotate = { $actor } a remplacé la clé de signature du journal : { $object } signe le journal à partir de cette entrée.
values-object-log-key = clé du journal { $id }
