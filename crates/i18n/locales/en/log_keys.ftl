# The log's own key changes (`pocdir log rotate-key`).
values-log-log-key-rotate = { $actor } replaced the log's signing key: { $object } signs the log from this entry on.
values-object-log-key = log key { $id }
