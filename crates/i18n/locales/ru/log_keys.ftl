# Смена ключа журнала (`pocdir log rotate-key`).
values-log-log-key-rotate = { $actor } заменил ключ подписи журнала: с этой записи журнал подписывает { $object }.
values-object-log-key = ключ журнала { $id }
