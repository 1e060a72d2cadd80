# حزمة الأزمات غير المتصلة.
crisis-pack-home-link = حزمة الأزمات: الدليل للاحتفاظ به دون اتصال، لحين تعذّر الوصول إلى البوابة
crisis-pack-title = حزمة الأزمات غير المتصلة
crisis-pack-intro = لقطة من مدخلات الدليل التي يحق لك الاطلاع عليها، تحتفظ بها لحين توقف البوابة أو انقطاع دولتك عن الشبكة. وهي ملف HTML واحد يُفتح في أي متصفح دون شبكة، وفي داخله المدخلات نفسها في ملف CSV.
crisis-pack-validity = تظل الحزمة صالحة مدة { $days } يومًا من لحظة إنشائها، ويظهر عمرها في أعلاها.
crisis-pack-entries = ستتضمن الحزمة { $count } مدخلًا.
crisis-pack-reads = يُسجَّل كل تنزيل في السجل بوصفه اطلاعًا على كل مدخل فيه، كما هو الحال في التصدير.
crisis-pack-supersedes = تحل الحزمة الأحدث محل الأقدم: احتفظ بالأحدث فقط.
crisis-pack-check-heading = التحقق من حزمة
crisis-pack-instance-key = الحزم موقّعة بمفتاح OpenPGP الخاص بهذا الخادم، وبصمته:
crisis-pack-key-link = تنزيل المفتاح العام للخادم
crisis-pack-check-how = دون البوابة، تحقق من التوقيع باستخدام gpg أو pocdir:
crisis-pack-download-heading = تنزيل حزمة
crisis-pack-to-key = ستُشفَّر الحزمة لمفتاح OpenPGP الخاص بمدخلك:
crisis-pack-to-passphrase = لا يوجد لمدخلك مفتاح OpenPGP: ستُشفَّر الحزمة بعبارة مرور تختارها الآن. احفظها بمعزل عن الملف.
crisis-pack-passphrase = عبارة المرور (12 حرفًا على الأقل)
crisis-pack-passphrase-again = عبارة المرور مرة أخرى
crisis-pack-download = تنزيل الحزمة
crisis-pack-error-passphrase = اختر عبارة مرور من 12 حرفًا على الأقل.
crisis-pack-error-passphrase-again = عبارتا المرور مختلفتان.
crisis-pack-file-title = حزمة أزمات pocdir
crisis-pack-file-issued = صدرت في { $date }
crisis-pack-file-valid-until = لا تعتمد عليها بعد { $date }
crisis-pack-file-holder = لصالح
crisis-pack-file-entries = المدخلات
crisis-pack-file-serial = الرقم التسلسلي (الأكبر هو الأحدث)
crisis-pack-file-signing-key = موقّعة بالمفتاح
crisis-pack-file-explanation = سري: احفظ هذا الملف في مكان آمن ولا تشاركه مع أحد. إنه نسخة من الدليل كما كان في التاريخ أعلاه، وتحل محله أي حزمة أحدث.
crisis-pack-file-expired = انتهت صلاحية هذه الحزمة: احصل على حزمة أحدث في أقرب وقت.
crisis-pack-file-age = عمر هذه الحزمة { $days } يومًا.
crisis-pack-file-download-csv = حفظ المدخلات في ملف CSV
crisis-pack-role-diplomatic = دبلوماسي
crisis-pack-role-technical = تقني
crisis-pack-col-role = الدور
crisis-pack-object = حزمة الأزمات رقم { $id }
values-log-crisis-pack-issue = نزّل { $actor } { $object } (الدليل للاحتفاظ به دون اتصال).
crisis-pack-help = الاحتفاظ بالدليل دون اتصال
crisis-pack-help-text = تُنزّل صفحة حزمة الأزمات (من صفحتك الرئيسية) مدخلات الدليل التي يحق لك الاطلاع عليها في ملف واحد تحتفظ به لحين تعذّر الوصول إلى البوابة: موقّع من الخادم، ومشفّر لمفتاح OpenPGP الخاص بمدخلك أو بعبارة مرور تختارها، وصالح مدة 30 يومًا ويظهر عمره في أعلاه. تحقق منه دون اتصال باستخدام gpg أو pocdir pack verify؛ وتحل الحزمة الأحدث محل الأقدم. يُسجَّل كل تنزيل بوصفه اطلاعًا على كل مدخل فيه.
crisis-pack-by-mail = تُرسل أيضًا حزمة جديدة بالبريد كل { $days } يومًا إلى كل جهة اتصال يحمل قيدها مفتاح OpenPGP، مشفّرة لذلك المفتاح.
crisis-pack-by-mail-you = تتلقّاها على { $email }.
crisis-pack-by-mail-not-you = لا تُرسل إليك أي حزمة: لا يملك حسابك أي قيد بمفتاح OpenPGP صالح. أضف مفتاحًا إلى قيدك لتتلقّاها.
crisis-pack-mail-subject = حزمة الأزمات من pocdir بتاريخ { $date }
crisis-pack-mail-body =
    مرحبًا،

    في ما يلي حزمة الأزمات الخاصة بك بتاريخ { $date }: قيود الدليل التي يحق لك الاطلاع عليها، لتحتفظ بها عندما يتعذّر الوصول إلى البوابة. وهي مشفّرة لمفتاح OpenPGP الخاص بك وموقّعة بمفتاح هذه النسخة. وهي صالحة حتى { $until }؛ وتحلّ محلّها أي حزمة أحدث.

    قد يفتحها برنامج البريد لديك مباشرة. وإلا فاحفظ نص هذه الرسالة في ملف وشغّل: gpg --decrypt FILE أو pocdir pack verify FILE.

    سُجّل إعداد هذه الحزمة في السجل بوصفه اطلاعًا على كل قيد فيها. صفحة حزمة الأزمات في البوابة: { $link }
