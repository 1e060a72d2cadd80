# حزم مؤشرات STIX 2.1 التي يرسلها المبلِّغون: سبب رفض الحزمة. { $object } موضع الكائن في الحزمة ومعرّفه؛ و{ $property } اسم الخاصية.
stix-error-too-large = حزمة STIX أكبر من 1 ميبيبايت.
stix-error-not-json = حزمة STIX ليست بصيغة JSON صالحة.
stix-error-too-deep = التداخل في حزمة STIX عميق أكثر من اللازم.
stix-error-not-bundle = هذه ليست حزمة STIX: يجب أن تكون كائن JSON نوعه "bundle".
stix-error-bundle-id = يجب أن يكون معرّف الحزمة "bundle--" متبوعًا بمعرّف UUID.
stix-error-no-objects = يجب أن تحتوي الحزمة على كائن واحد على الأقل في "objects".
stix-error-too-many-objects = تحتوي الحزمة على أكثر من 1000 كائن.
stix-error-not-object = الكائن { $object } ليس كائن JSON.
stix-error-type = الكائن { $object }: نوعه ليس نوع STIX صالحًا.
stix-error-id = الكائن { $object }: يجب أن يتكون معرّفه من نوعه ثم "--" ثم معرّف UUID.
stix-error-duplicate-id = الكائن { $object }: لكائن آخر في الحزمة المعرّف نفسه.
stix-error-missing = الكائن { $object }: الخاصية { $property } مفقودة.
stix-error-invalid = الكائن { $object }: الخاصية { $property } غير صالحة.
stix-error-modified-before-created = الكائن { $object }: قيمة modified أقدم من created.
stix-error-pattern = الكائن { $object }: نمط STIX مشوَّه (الأقواس المربعة أو علامات الاقتباس غير متوازنة).
stix-error-external-id = الكائن { $object }: قيمة external_id في مرجع خارجي لا تطابق مصدره (CVE-YYYY-NNNN للمصدر "cve"، وCAPEC-N للمصدر "capec").
