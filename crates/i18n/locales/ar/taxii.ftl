# TAXII 2.1: جمل السجل عن المجموعات وكائنات STIX.
taxii-object-collection = مجموعة TAXII { $id }
values-log-taxii-create-collection = أنشأ { $actor } { $object }.
values-log-taxii-add = أضاف { $actor } كائنات STIX إلى { $object }.
values-log-taxii-delete = حذف { $actor } كائن STIX من { $object }.

# TAXII 2.1: عناوين الأخطاء (تتلقاها عملاء TAXII بالإنجليزية).
taxii-error-not-acceptable = لا يمكن أن يكون الرد إلا بصيغة TAXII 2.1: اطلب application/taxii+json;version=2.1.
taxii-error-content-type = أرسل الظرف بصيغة application/taxii+json;version=2.1.
taxii-error-filter-unknown = لا تقبل نقطة الوصول هذه المعامل { $parameter }.
taxii-error-filter-repeated = المعامل { $parameter } مذكور أكثر من مرة.
taxii-error-filter-invalid = تتعذر قراءة قيمة المعامل { $parameter }.
taxii-error-next-forged = لم يصدر هذا الخادم قيمة next هذه لهذه المجموعة وهذه المرشحات.
taxii-error-next-expired = انتهت صلاحية قيمة next هذه: ابدأ من جديد من الصفحة الأولى.
taxii-error-not-envelope = ليس المتن ظرف TAXII: أي كائن JSON يحوي مصفوفة "objects".
taxii-error-empty-envelope = لا يحوي الظرف أي كائن.
taxii-error-too-many-objects = يحوي الظرف كائنات أكثر مما يمكن لطلب واحد أن يضيفه ({ $max }).
taxii-error-may-not-read = لا يجوز لهذا الحساب قراءة هذه المجموعة.
taxii-error-may-not-write = لا يجوز لهذا الحساب الكتابة في هذه المجموعة.
