# الاتصالات بين جهات الاتصال: مصطلحات النموذج وTLP والحالات والأخطاء
# والرسائل البريدية. (كلمات الصفحات في communications-pages.ftl.)

comm-kind-incident_notification = إخطار بحادث يتعلق بتكنولوجيا المعلومات والاتصالات
comm-kind-information_request = طلب معلومات
comm-kind-assistance_request = طلب مساعدة
comm-kind-response = رد
comm-kind-general = اتصال عام

comm-urgency-routine = عادية
comm-urgency-priority = ذات أولوية
comm-urgency-urgent = عاجلة

comm-sector-energy = الطاقة
comm-sector-health = الصحة
comm-sector-water = المياه
comm-sector-transport = النقل
comm-sector-finance = المالية
comm-sector-telecommunications = الاتصالات السلكية واللاسلكية
comm-sector-government = الحكومة
comm-sector-other = غير ذلك

comm-status-delivered = سُلِّمت
comm-status-read = قُرئت
comm-status-acknowledged = أُقرّ باستلامها
comm-status-answered = رُدّ عليها

comm-roles-diplomatic = جهات الاتصال الدبلوماسية
comm-roles-technical = جهات الاتصال التقنية
comm-roles-both = جهات الاتصال الدبلوماسية والتقنية

comm-folder-inbox = البريد الوارد
comm-folder-sent = المرسلة
comm-folder-state = اتصالات دولتي
comm-folder-all = جميع الاتصالات

tlp-meaning-clear = الإفصاح غير مقيد.
tlp-meaning-green = مقصورة على جهات الاتصال في الدول المشاركة في الدليل. لا تُنشر.
tlp-meaning-amber = مقصورة على جهات الاتصال في الدول المعنية. خارج pocdir لا تُشارك إلا مع من تخدمهم دولتك، وعلى أساس الحاجة إلى المعرفة.
tlp-meaning-amber-strict = مقصورة على جهات الاتصال في الدول المعنية، وداخل منظمتها فقط.
tlp-meaning-red = للمستلمين المسمَّين فقط. لا يُعاد توجيهها ولا تُصدَّر ولا تُشارك.

tlp-refused-not-a-reader = لا يمكنك الاطلاع على محتوى هذا الاتصال.
tlp-refused-red-forward = لا يُعاد توجيه معلومات TLP:RED أبدًا.
tlp-refused-red-export = لا تُصدَّر معلومات TLP:RED أبدًا.
tlp-refused-red-named = تتطلب TLP:RED مستلمين مسمَّين: اختر أشخاصًا لا دولًا بأكملها.
tlp-refused-loosens = يجوز عند إعادة التوجيه الإبقاء على علامة TLP أو تشديدها، ولا يجوز تخفيفها أبدًا.
tlp-refused-own-state = لا تسمح هذه العلامة بالمشاركة إلا مع جهات الاتصال في دولتك.
tlp-refused-community = لا تسمح هذه العلامة بالمشاركة إلا مع جهات الاتصال في الدول المشاركة في الدليل.
tlp-refused-taxii = لا تُشارك عبر TAXII إلا معلومات TLP:CLEAR وTLP:GREEN.

comm-error-kind = اختر نوع الاتصال.
comm-error-urgency = اختر درجة الاستعجال.
comm-error-tlp-missing = اختر علامة TLP: كل اتصال يحتاج إلى علامة.
comm-error-tlp-unknown = هذه ليست علامة من علامات TLP 2.0 ‏(CLEAR أو GREEN أو AMBER أو AMBER+STRICT أو RED).
comm-error-required = هذا الحقل مطلوب.
comm-error-too-long = النص طويل جدًا.
comm-error-control-characters = يحتوي على أحرف لا يمكن عرضها.
comm-error-language = اذكر لغة النص بوسم لغة، مثل en أو fr أو ar.
comm-error-zone = اختر منطقة زمنية، مثل Asia/Riyadh.
comm-error-time = أدخل تاريخًا ووقتًا موجودين في تلك المنطقة الزمنية.
comm-error-detected-before-started = لا يمكن أن يكون الحادث قد اكتُشف قبل أن يبدأ.
comm-error-sector = اختر القطاعات من القائمة.
comm-error-attachments-too-many = يمكن إرفاق 5 ملفات على الأكثر.
comm-error-attachments-too-large = يتجاوز مجموع الملفات 10 ميغابايت.
comm-error-attachment-too-large = يتجاوز أحد الملفات 5 ميغابايت.
comm-error-attachment-empty = أحد الملفات فارغ.
comm-error-attachment-name = لأحد الملفات اسم لا يمكن استخدامه.
comm-error-attachment-type = أحد الملفات ليس من نوع مقبول (PDF أو PNG أو JPEG أو نص عادي).
comm-error-attachment-mismatch = محتوى أحد الملفات لا يطابق امتداد اسمه.
comm-error-already-acknowledged = لقد أقررت باستلام هذا الاتصال من قبل.
comm-error-not-a-recipient = لا يُقرّ باستلام الاتصال إلا أحد مستلميه.
comm-error-may-not-send = لا يرسل الاتصالات إلا جهات الاتصال في دولة مشاركة في الدليل.
comm-error-nobody = اختر مستلمًا واحدًا على الأقل.
comm-error-unknown-recipient = أحد المستلمين ليس جهة اتصال يمكنها تلقي الاتصالات.
comm-error-not-participating = إحدى الدول المختارة لا تشارك في الدليل.
comm-error-no-poc = ليس لإحدى الدول المختارة بعدُ جهة اتصال بهذا الدور يمكنها تلقي الاتصالات.

comm-field-subject = الموضوع
comm-field-started = البداية
comm-field-detected = الاكتشاف
comm-field-sectors = القطاعات المتأثرة
comm-field-impact = الأثر الملاحظ
comm-field-requested-action = الإجراء المطلوب
comm-field-respond-by = الرد مطلوب قبل
comm-field-attribution-why = لا يتضمن هذا النموذج حقلًا للإسناد: الدليل قناة للتواصل بين الدول، وليس أداة لتحديد الإسناد.

comm-mail-text-in = النص كما كُتب (اللغة: { $language }):
comm-mail-subject-clear = [{ $tlp }] { $urgency }: { $kind } من { $state }: { $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency }: { $kind } من { $state } (رقم { $id })
comm-mail-intro = أرسلت إليك { $state } اتصالًا عبر pocdir: { $kind }، { $urgency }، بعلامة { $tlp }. يُرجى الإقرار باستلامه قبل { $deadline }.
comm-mail-open = اقرأ وأقرّ بالاستلام ورُدّ في pocdir: { $link }
comm-mail-link-only = لا تسمح علامته بإرسال المحتوى بالبريد الإلكتروني. اقرأ وأقرّ بالاستلام ورُدّ في pocdir: { $link }
comm-mail-signature = pocdir، دليل جهات الاتصال. أُرسلت هذه الرسالة تلقائيًا؛ رُدّ في pocdir لا على هذه الرسالة.
comm-mail-escalation-subject = [{ $tlp }] لم يُقرّ بالاستلام: { $kind } من { $state } (رقم { $id })
comm-mail-escalation-body = أرسلت { $state } اتصالًا إلى جهات الاتصال في دولتك ({ $kind }، { $urgency }، بعلامة { $tlp }). لم تُقرّ أي جهة اتصال تقنية في دولتك باستلامه قبل { $deadline }. يُرجى التأكد من معالجته: { $link }
