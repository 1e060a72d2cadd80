# Arabic — pocdir interface messages

app-name = pocdir — دليل جهات الاتصال
footer-text = دليل لجهات الاتصال لأغراض تدابير بناء الثقة بين الدول. والمشاركة طوعية؛ وما تتبادله الدول هنا من معلومات سري.

nav-skip = الانتقال إلى المحتوى
nav-languages = اللغات
nav-account = حسابك
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج

home-title = دليل جهات الاتصال
home-lead = تسمّي الدول جهات اتصال دبلوماسية وتقنية لكي تتمكن من التواصل فيما بينها بسرعة وأمان عندما يهدد حادث يتعلق بتكنولوجيا المعلومات والاتصالات السلام والأمن الدوليين.
home-point-voluntary = المشاركة طوعية وتدريجية: يجوز للدولة أن تبدأ بجهة اتصال واحدة.
home-point-reciprocity = لا يطّلع على الدليل إلا جهات الاتصال التابعة للدول المشاركة؛ ولا يرى الجمهور سوى أسماء الدول المشاركة، دون أي بيانات شخصية.
home-point-no-attribution = الدليل قناة للتواصل، وليس أداة لإسناد المسؤولية عن الحوادث.

login-title = تسجيل الدخول
login-email = عنوان البريد الإلكتروني
login-password = كلمة المرور
login-submit = متابعة
login-help = بعد إدخال كلمة المرور، سيُطلب منك إدخال رمز من تطبيق المصادقة لديك.
login-wrong = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
login-locked = { $minutes ->
    [zero] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
    [one] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد دقيقة واحدة.
    [two] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد دقيقتين.
    [few] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقائق.
    [many] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
   *[other] عدد المحاولات الفاشلة كبير جدًا. أُوقف تسجيل الدخول مؤقتًا؛ يُرجى المحاولة مرة أخرى بعد { $minutes } دقيقة.
}
login-disabled = هذا الحساب معطَّل. يُرجى الاتصال بالأمانة.
login-session-ended = انتهت جلستك. يُرجى تسجيل الدخول مرة أخرى.

mfa-title = عامل التحقق الثاني
mfa-code = الرمز المكوَّن من ستة أرقام من تطبيق المصادقة لديك
mfa-submit = تحقَّق
mfa-use-recovery = هل فقدت جهازك؟ استخدم رمز استرداد
mfa-recovery-code = رمز الاسترداد
mfa-wrong = هذا الرمز غير صالح. تحقَّق من الوقت على جهازك وأدخل الرمز الحالي.
mfa-replayed = سبق استخدام هذا الرمز. انتظر الرمز التالي وحاول مرة أخرى.
mfa-wrong-recovery = رمز الاسترداد هذا غير صالح أو سبق استخدامه.

enrol-title = إعداد عامل التحقق الثاني
enrol-intro = كل حساب محميّ بكلمة مرور وكذلك برمز يُستخدم مرة واحدة. قم بإعداد ذلك مرة واحدة فقط باستخدام تطبيق مصادقة (مثل FreeOTP أو Aegis أو Google Authenticator).
enrol-step-scan = امسح هذا الرمز ضوئيًا باستخدام تطبيق المصادقة لديك:
enrol-qr-label = رمز QR يتضمن المفتاح السري لتطبيق المصادقة
enrol-step-type = أو أدخل هذا المفتاح السري في التطبيق:
enrol-step-confirm = للتأكيد، أدخل الرمز الذي يعرضه التطبيق الآن:
enrol-submit = تأكيد ومتابعة

recovery-title = رموز الاسترداد الخاصة بك
recovery-intro = احتفظ بهذه الرموز في مكان آمن بمعزل عن جهازك. ويتيح لك كل رمز منها تسجيل الدخول مرة واحدة إذا فقدت تطبيق المصادقة. ولن تُعرض هذه الرموز إلا الآن.
recovery-continue = متابعة

account-title = حسابك
account-email = عنوان البريد الإلكتروني
account-kind = نوع الحساب
account-participant = يتصرف باسم
account-password-heading = تغيير كلمة المرور
account-password-current = كلمة المرور الحالية
account-password-new = كلمة المرور الجديدة (12 حرفًا على الأقل)
account-password-confirm = أعد إدخال كلمة المرور الجديدة
account-password-submit = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور. وأُنهيت جلساتك الأخرى.
account-password-current-wrong = كلمة المرور الحالية غير صحيحة.
account-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
account-password-too-short = يجب ألا تقل كلمة المرور الجديدة عن 12 حرفًا.
account-password-too-long = يجب ألا تزيد كلمة المرور الجديدة على 256 حرفًا.
account-recovery-heading = رموز الاسترداد
account-recovery-left = { $count ->
    [zero] لم يتبقَّ لديك أي رمز استرداد غير مستخدَم.
    [one] لديك رمز استرداد واحد غير مستخدَم.
    [two] لديك رمزا استرداد غير مستخدَمين.
    [few] لديك { $count } رموز استرداد غير مستخدَمة.
    [many] لديك { $count } رمز استرداد غير مستخدَم.
   *[other] لديك { $count } رمز استرداد غير مستخدَم.
}
account-recovery-submit = إنشاء رموز استرداد جديدة (ستتوقف الرموز القديمة عن العمل)
account-sessions-heading = الجلسات التي سجّلت الدخول فيها
account-session-started = بدء الجلسة
account-session-seen = آخر نشاط
account-session-browser = المتصفح
account-session-address = العنوان
account-session-end = إنهاء
account-session-end-this = إنهاء (هذا المتصفح)
account-session-revoked = تم إنهاء الجلسة.
account-tokens-heading = رموز API المميَّزة
account-tokens-intro = تتيح الرموز المميَّزة للبرامج النصية استخدام واجهة برمجة التطبيقات (API) نيابةً عنك. ولا يُعرض الرمز المميَّز إلا مرة واحدة، عند إنشائه.
account-token-name = الاسم
account-token-scope = النطاق
account-token-scope-read = قراءة فقط
account-token-scope-write = قراءة وكتابة
account-token-days = مدة الصلاحية (بالأيام)
account-token-expires = تاريخ انتهاء الصلاحية
account-token-last-used = آخر استخدام
account-token-create = إنشاء رمز مميَّز
account-token-revoke = إلغاء
account-token-inactive = ملغى أو منتهي الصلاحية
account-token-revoked = تم إلغاء الرمز المميَّز.
account-token-name-invalid = أعطِ الرمز المميَّز اسمًا يتراوح طوله بين 1 و100 حرف.
account-token-days-invalid = يجب أن تكون مدة الصلاحية عددًا صحيحًا من الأيام بين 1 و{ $max }.
account-token-scope-invalid = يجب أن يكون النطاق "read" أو "write".
token-created-title = رمز API مميَّز جديد
token-created-intro = انسخ هذا الرمز المميَّز الآن، فلن يُعرض مرة أخرى. أرسله في صورة "Authorization: Bearer" متبوعًا بالرمز المميَّز.

kind-secretariat = الأمانة
kind-nominator = سلطة التسمية
kind-diplomatic_poc = جهة اتصال دبلوماسية
kind-technical_poc = جهة اتصال تقنية
kind-reporter = مُبلِّغ من القطاع الخاص
kind-auditor = مدقِّق

error-status = الحالة
error-home = العودة إلى الصفحة الرئيسية
error-title-bad-request = تعذّر فهم الطلب
error-title-unauthorized = يُرجى تسجيل الدخول
error-title-forbidden = غير مسموح
error-title-not-found = الصفحة غير موجودة
error-title-method-not-allowed = غير مسموح هنا
error-title-conflict = تعارض
error-title-too-many = عدد المحاولات كبير جدًا
error-title-internal = حدث خطأ ما
error-not-found = لا يوجد أي محتوى في هذا العنوان.
error-method-not-allowed = لا يقبل هذا العنوان هذا النوع من الطلبات.
error-unauthorized = يجب عليك تسجيل الدخول (أو إرسال رمز API مميَّز صالح) للقيام بذلك.
error-forbidden = لا يُسمح لحسابك بالقيام بذلك.
error-csrf = انتهت صلاحية النموذج أو لم يصدر عن هذا الموقع. عُد إلى الصفحة السابقة، وأعد تحميلها، ثم حاول مرة أخرى.
error-bad-request = الطلب غير صالح.
error-duplicate = هذا موجود بالفعل: القيمة مستخدمة.
error-not-allowed-now = لا يمكن القيام بذلك الآن: حالة السجل لا تسمح به. أعد تحميل الصفحة لترى ما الذي تغيّر.
error-bad-form = النموذج غير مكتمل أو غير صالح.
error-malformed-json = متن الطلب ليس بصيغة JSON صالحة وفق البنية المتوقعة.
error-unsupported-media-type = متن الطلب من نوع لا يقبله هذا العنوان.
error-payload-too-large = متن الطلب كبير جدًا.
error-internal = حدث خطأ داخلي. وقد سُجِّل هذا الخطأ؛ يُرجى المحاولة مرة أخرى لاحقًا.
error-unavailable = الخادم مشغول الآن ولم يتمكن من حفظ هذا التغيير؛ لم يُحفَظ شيء. يُرجى المحاولة مرة أخرى بعد لحظات.
error-bad-query = معلَمات الاستعلام في هذا العنوان مفقودة أو غير صالحة.
error-bad-path = هذا العنوان غير صالح: أحد أجزائه ليس كما هو متوقع (مثلاً، رقم).

log-error-size-beyond = حجم الشجرة { $size } أكبر من حجم السجل، إذ يبلغ عدد قيوده { $log_size }.
log-error-index-out-of-range = القيد { $index } غير موجود في شجرة حجمها { $size }: تبدأ الفهارس من 0 وتظل أقل من الحجم.
log-error-first-after-second = يجب ألا يكون الحجم الأول ({ $first }) أكبر من الحجم الثاني ({ $second }).
log-error-empty-first = ينطلق إثبات الاتساق من شجرة تضم قيدًا واحدًا على الأقل.
log-error-range-reversed = يجب ألا تسبق نهاية النطاق بدايته.
log-error-range-too-long = يُرجى ألا يتجاوز عدد القيود المطلوبة في المرة الواحدة { $max }.

nav-audit = سجل التدقيق
nav-own-state-log = سجل دولتي
audit-title = سجل التدقيق
audit-own-title = سجل العمليات المتعلقة بالدولة
audit-intro = { $count ->
    [zero] لا يضم السجل أي قيد. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
    [one] يضم السجل قيدًا واحدًا. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
    [two] يضم السجل قيدين. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
    [few] يضم السجل { $count } قيود. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
    [many] يضم السجل { $count } قيدًا. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
   *[other] يضم السجل { $count } قيد. وتُسجَّل هنا، بالترتيب، كل عملية تغيير وكل اطلاع على بيانات الاتصال، ولا يمكن إعادة كتابتها دون أن يُكتشف ذلك.
}
audit-filter-actor = الجهة المنفِّذة (رقم الحساب)
audit-filter-action = الإجراء
audit-filter-participant = الدولة (alpha-3)
audit-filter-from = من
audit-filter-to = إلى
audit-filter-submit = تصفية
audit-empty = لا توجد قيود مطابقة.
audit-col-time = الوقت (UTC)
audit-col-actor = الجهة المنفِّذة
audit-col-action = الإجراء
audit-col-object = الكائن
audit-col-participant = الدولة المعنية
audit-col-content-hash = قيمة تجزئة المحتوى
audit-older = قيود أقدم
audit-verify-hint = يمكن لأي شخص التحقق من هذا السجل: احصل على رأس الشجرة الموقَّع والإثباتات من /api/v1/log، أو شغِّل الأمر "pocdir log monitor". ويستخدم القائمون على التشغيل الأمر "pocdir log verify".
audit-proof-jump = تحقّق من هذه القيود بنفسك دون الحاجة إلى الثقة بالقائم على التشغيل.
audit-proof-heading = تحقّق بنفسك دون الحاجة إلى الثقة بالقائم على التشغيل
audit-proof-intro = يمكن لدولتك التحقق من قيود هذه الصفحة بحاسوبها الخاص وبالمفتاح العام للسجل وحده. يتحقق الأمر "pocdir state-proof" مما يلي:
audit-proof-check-included = أن كل قيد يخص دولتك موجود في السجل الموقَّع، وأنه لم يُعدَّل أي قيد أو يُحذف منذ آخر تحقق أجريتَه؛
audit-proof-check-history = أن السجل لم يطرأ عليه سوى الإضافة منذ الرأس الذي رآه آخر تحقق أجريتَه؛
audit-proof-check-details = أن بيانات جهات الاتصال التابعة لك، كما يقدّمها الدليل وكما يحفظها سجلك الخاص، هي تلك التي اقترحتها دولتك في السجل؛
audit-proof-check-readers = من اطّلع على بيانات جهات الاتصال التابعة لك، ومتى.
audit-proof-head = { $count ->
    [zero] لا يحتوي السجل الموقَّع الآن على أي قيد؛ يبدأ جذره بـ
    [one] يحتوي السجل الموقَّع الآن على قيد واحد؛ يبدأ جذره بـ
    [two] يحتوي السجل الموقَّع الآن على قيدين؛ يبدأ جذره بـ
    [few] يحتوي السجل الموقَّع الآن على { $count } قيود؛ يبدأ جذره بـ
   *[other] يحتوي السجل الموقَّع الآن على { $count } قيدًا؛ يبدأ جذره بـ
}
audit-proof-key = موقَّع بالمفتاح
audit-proof-run = شغِّل هذا الأمر بانتظام على حاسوب تابع لدولتك: يتحقق كل تشغيل أيضًا من أن السجل لم يطرأ عليه سوى الإضافة منذ التشغيل السابق (ينتهي بالرمز 0 إذا ثبت كل شيء، وبالرمز 1 مع ذكر أول اختلاف):
audit-proof-token = يحتاج الأمر إلى رمز وصول للواجهة البرمجية (API) لأحد حسابات دولتك، يُمرَّر في POCDIR_TOKEN.
audit-proof-token-link = إنشاء رمز وصول للواجهة البرمجية
audit-error-actor = يجب تحديد الجهة المنفِّذة برقم حساب.
audit-error-date = يجب كتابة التواريخ بالصيغة YYYY-MM-DD.

nav-participants = الجهات المشاركة
participants-title = الدول والمنظمات المشاركة
participants-count = { $count ->
    [zero] لا توجد أي جهة مشاركة في الدليل.
    [one] تشارك في الدليل جهة واحدة.
    [two] تشارك في الدليل جهتان.
    [few] تشارك في الدليل { $count } جهات.
    [many] تشارك في الدليل { $count } جهة.
   *[other] تشارك في الدليل { $count } جهة.
}
participants-eligible = { $count ->
    [zero] لا يحق لأي دولة أو منظمة الانضمام.
    [one] يحق لدولة أو منظمة واحدة الانضمام.
    [two] يحق لاثنتين من الدول والمنظمات الانضمام.
    [few] يحق لـ { $count } من الدول والمنظمات الانضمام.
    [many] يحق لـ { $count } من الدول والمنظمات الانضمام.
   *[other] يحق لـ { $count } من الدول والمنظمات الانضمام.
}
participants-none = لا تشارك أي دولة حتى الآن.
participants-col-name = الاسم
participants-col-code = الرمز
participants-col-region = المنطقة
participants-join-heading = كيفية الانضمام
participants-join-text = المشاركة طوعية ويمكن أن تبدأ على نطاق محدود: تنضم الدولة بأن تقترح سلطة التسمية التابعة لها (وهي عادةً بعثتها الدائمة) جهة اتصال دبلوماسية أو تقنية واحدة. وبمجرد أن تتحقق الأمانة من جهة الاتصال الأولى هذه، تصبح الدولة مشاركة ويمكنها الاطلاع على دليل الدول المشاركة الأخرى.
participants-public-heading = ما هو متاح للجمهور وما ليس متاحًا له
participants-public-yes = متاح للجمهور: الدول والمنظمات المشاركة، وعدد جهات الاتصال الدبلوماسية والتقنية لدى كل منها.
participants-public-no = غير متاح للجمهور: أسماء جهات الاتصال وعناوين بريدها الإلكتروني وأرقام هواتفها وسائر تفاصيلها الأخرى، وكل ما يُتبادل عبر الدليل. ولا يمكن الاطلاع على تفاصيل جهات الاتصال إلا لجهات الاتصال التابعة للدول المشاركة فيما بينها (مبدأ المعاملة بالمثل).
participants-public-reads = في كل مرة يطّلع فيها أحد على بيانات الاتصال الخاصة بجهات الاتصال التابعة لدولة ما، يُسجَّل ذلك في سجل التدقيق الذي لا يمكن تعديله دون أن يُكتشف ذلك، ويمكن لتلك الدولة الاطلاع على هذا القيد.
participant-error-code = يتكون رمز الجهة المشاركة من 2 إلى 10 من الأحرف اللاتينية الكبيرة أو الأرقام (وبالنسبة إلى الدولة، يكون رمزها وفق ISO 3166-1 alpha-3، مثل PAK).
participant-error-names = يُرجى إدخال الاسم بجميع لغات الأمم المتحدة الرسمية الست (العربية والصينية والإنكليزية والفرنسية والروسية والإسبانية)، على ألا يتجاوز طوله 200 حرف في كل لغة.
participant-error-code-taken = هذا الرمز تستخدمه بالفعل جهة مشاركة أخرى.

poc-duties-diplomatic = تمثّل الدولة في الاتصالات الثنائية والمتعددة الأطراف المتعلقة بالحوادث المتصلة بتكنولوجيا المعلومات والاتصالات، وتيسّر الحوار بين الدول.
poc-duties-technical = تُجري تقييمًا تقنيًا للمعلومات المتبادلة عبر الدليل، وتتقاسم البيانات المتعلقة بالتهديدات السيبرانية وتتلقاها.
error-invalid-fields = بعض الحقول غير صالحة؛ وقد بُيِّن لكل منها وجه الخطأ فيه.
poc-error-role = يجب أن يكون الدور "diplomatic" أو "technical".
poc-error-required = هذا الحقل مطلوب.
poc-error-too-long = هذا الحقل طويل جدًا.
poc-error-semicolon = لا يمكن أن تحتوي القناة الآمنة على «;» التي تفصل بين القنوات في الملفات المصدَّرة: ضع كل قناة في سطر مستقل.
poc-error-control-characters = يتضمن هذا الحقل أحرفًا يتعذّر عرضها.
poc-error-email-required = يُرجى إدخال عنوان بريد إلكتروني واحد على الأقل.
poc-error-too-many = عدد العناصر في هذه القائمة كبير جدًا.
poc-error-email = هذا ليس عنوان بريد إلكتروني.
# Latin examples (phone numbers, the key's first line) sit between invisible
# left-to-right isolates (U+2066 … U+2069), so they read left to right here.
poc-error-phone = يُرجى كتابة أرقام الهاتف بالصيغة الدولية E.164، مثل ⁦+44 20 7946 0000⁩.
poc-error-phone-use = يجب أن يكون استخدام الرقم "office" أو "mobile" أو "24x7".
poc-error-language-required = يُرجى تحديد لغة عمل واحدة على الأقل.
poc-error-language = هذا ليس وسم لغة (BCP 47، مثل "en" أو "fr-CA" أو "zh-Hans").
poc-error-time-zone = هذه ليست منطقة زمنية مدرجة في قاعدة بيانات IANA (مثل "Asia/Karachi" أو "Europe/Paris").
poc-error-hours = يُرجى كتابة ساعات العمل في صورة أيام وأوقات، مثل "Mon-Fri 09:00-17:00" أو "Sun-Thu 08:00-16:00"، أو "24/7".
poc-error-reason-required = يجب تعليل الرفض، وستطّلع سلطة التسمية على السبب.
poc-error-stale = تغيّرت جهة الاتصال هذه منذ اطلاعك عليها (وهي الآن في الإصدار { $version }). يُرجى إعادة تحميلها واتخاذ القرار من جديد.
poc-error-nothing-pending = لا يوجد ما ينتظر اتخاذ قرار بشأن جهة الاتصال هذه.
poc-error-not-your-state = لا يجوز لحسابك القيام بذلك فيما يخص تلك الدولة. وقد سُجِّلت هذه المحاولة.
poc-error-role-fixed = لا يمكن تغيير دور جهة الاتصال؛ يُرجى سحبها وتسمية جهة اتصال جديدة.
poc-error-not-allowed-now = لا يمكن تعديل جهة الاتصال هذه في حالتها الراهنة (فقد تكون مسحوبة أو مرفوضة، أو في انتظار قرار بشأن سحبها).

participant-status = الحالة
participant-status-not_participating = غير مشاركة
participant-status-participating = مشاركة
participant-status-suspended = معلَّقة المشاركة
participant-status-withdrawn = منسحبة
participant-pocs-heading = جهات الاتصال
participant-pocs-none = لا توجد حتى الآن جهة اتصال جرى التحقق منها.
participant-pocs-hidden = لا تُعرض جهات الاتصال إلا لجهات الاتصال التابعة للدول المشاركة، ولسلطة التسمية التابعة للدولة نفسها، وللأمانة.
poc-pending = في انتظار تحقق الأمانة.
poc-field-title = المسمى الوظيفي
poc-field-organisation = الجهة
poc-field-emails = البريد الإلكتروني
poc-field-phones = الهاتف
poc-field-languages = لغات العمل
poc-field-time-zone = المنطقة الزمنية
poc-field-hours = ساعات العمل
poc-within-hours = ضمن ساعات العمل حاليًا
poc-outside-hours = خارج ساعات العمل حاليًا
