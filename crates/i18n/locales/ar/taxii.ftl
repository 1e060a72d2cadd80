# TAXII 2.1: جمل السجل عن المجموعات وكائنات STIX.
taxii-object-collection = مجموعة TAXII { $id }
values-log-taxii-create-collection = أنشأ { $actor } { $object }.
values-log-taxii-add = أضاف { $actor } كائنات STIX إلى { $object }.
values-log-taxii-delete = حذف { $actor } كائن STIX من { $object }.
