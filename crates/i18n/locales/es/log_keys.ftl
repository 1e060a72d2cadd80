# Los cambios de la clave del registro (`pocdir log rotate-key`).
values-log-log-key-rotate = { $actor } sustituyó la clave de firma del registro: { $object } firma el registro a partir de esta entrada.
values-object-log-key = clave del registro { $id }
