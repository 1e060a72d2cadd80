# تغيير مفتاح توقيع السجل (`pocdir log rotate-key`).
values-log-log-key-rotate = استبدل { $actor } مفتاح توقيع السجل: يوقّع { $object } السجل ابتداءً من هذا القيد.
values-object-log-key = مفتاح السجل { $id }
