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

# TAXII 2.1: كيف يتصل عميل TAXII الخاص بجهة اتصال تقنية أو بمبلِّغ.
account-taxii-heading = تبادل المعلومات عن التهديدات (TAXII 2.1)
account-taxii-intro = يتبادل عميل TAXII 2.1 الخاص بك (مثل MISP أو OpenCTI أو taxii2-client) هنا بيانات STIX 2.1 مع الدول المشاركة الأخرى. أعطه هذه الإعدادات:
account-taxii-server = الخادم (الاكتشاف)
account-taxii-user = اسم المستخدم
account-taxii-password = كلمة المرور
account-taxii-password-is = رمز مميَّز لواجهة البرمجة من هذه الصفحة: "قراءة" للاستلام، و"قراءة وكتابة" للمشاركة.
home-taxii-link = تبادل المعلومات عن التهديدات (TAXII 2.1): كيفية الاتصال
help-task-taxii = تبادل المعلومات عن التهديدات عبر TAXII 2.1
help-task-taxii-text = تتشارك جهات الاتصال التقنية بيانات STIX 2.1 وتتلقاها عبر TAXII 2.1: مجموعة مشتركة لجميع الدول المشاركة، وصندوق وارد لكل دولة يكتب فيه الآخرون ولا تقرؤه إلا تلك الدولة. تعرض صفحة حسابك عنوان الخادم؛ واسم المستخدم هو بريدك الإلكتروني، وكلمة المرور رمز مميَّز لواجهة البرمجة. يأخذ الكائن غير الموسوم بعلامة TLP تصنيف مجموعته، وتُرفض كائنات TLP:RED. ويكتب المبلِّغون المعتمدون في مجموعة الاستلام ولا يقرؤون شيئًا.
