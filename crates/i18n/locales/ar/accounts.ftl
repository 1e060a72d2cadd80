# الحسابات المُدارة في البوابة: الدعوات، ورابط التسجيل، وصفحات الحسابات
# لدى الأمانة، ونسيان كلمة المرور، وكلمة المرور الأولى.

nav-accounts = الحسابات
nav-invitations = الدعوات

accounts-title = الحسابات
accounts-intro = جميع حسابات البوابة. افتح حسابًا لتعطيله أو إعادة تفعيله أو إعادة تعيين عامل التحقق الثاني الخاص به.
accounts-col-name = الاسم
accounts-col-email = البريد الإلكتروني
accounts-col-kind = نوع الحساب
accounts-col-status = الحالة
accounts-col-created = تاريخ الإنشاء
accounts-status-active = نشط
accounts-status-enrolment-due = عامل التحقق الثاني لم يُعدّ بعد
accounts-status-password-due = كلمة المرور لم تُختر بعد
accounts-status-disabled = معطَّل
accounts-reason = السبب (يُرسل إلى صاحب الحساب ويُحفظ في السجل)
accounts-reason-missing = اذكر السبب في بضع كلمات: يُرسل السبب إلى صاحب الحساب ويُحفظ في السجل.
accounts-reason-too-long = السبب طويل جدًا: لا تتجاوز 1000 حرف.
accounts-disable-heading = تعطيل هذا الحساب
accounts-disable-intro = لن يتمكن من تسجيل الدخول؛ تنتهي جلساته وتتوقف رموز API الخاصة به عن العمل فورًا.
accounts-disable-button = تعطيل
accounts-enable-heading = إعادة تفعيل هذا الحساب
accounts-enable-intro = يمكنه تسجيل الدخول مجددًا بكلمة المرور وعامل التحقق الثاني. تبقى رموز API القديمة ملغاة.
accounts-enable-button = إعادة التفعيل
accounts-reset-heading = إعادة تعيين عامل التحقق الثاني
accounts-reset-intro = في حال فقدان الهاتف أو التطبيق: يتوقف التطبيق ورموز الاسترداد عن العمل، وتنتهي الجلسات، ويعيد الحساب إعداد عامل التحقق الثاني عند تسجيل دخوله التالي.
accounts-reset-button = إعادة تعيين عامل التحقق الثاني
accounts-not-yourself = لا يمكنك هنا تعطيل حسابك أو إعادة تعيين عامل التحقق الثاني الخاص بك: اطلب ذلك من عضو آخر في الأمانة.
accounts-already-so = لا شيء للقيام به: الحساب في هذه الحالة بالفعل.

invitations-title = الدعوات
invitations-intro = دعوات لم تُقبل بعد. يعمل كل رابط مرة واحدة وحتى انتهاء صلاحيته.
invitations-new = دعوة شخص
invitations-empty = لا توجد دعوات في الانتظار.
invitations-col-sent = تاريخ الإرسال
invitations-col-expires = الرابط صالح حتى
invitations-revoke = إلغاء
accounts-invitation-closed = هذه الدعوة قُبلت أو أُلغيت أو انتهت صلاحيتها.

invite-title = دعوة شخص إلى البوابة
invite-intro = يتلقى الشخص رسالة بريد إلكتروني فيها رابط لاختيار كلمة مرور وإعداد عامل التحقق الثاني. يعمل الرابط مرة واحدة لمدة سبعة أيام.
invite-participant-hint = (لجهة الترشيح أو لجهة الاتصال)
invite-language = لغة الرسالة
invite-submit = إرسال الدعوة
accounts-invite-email-invalid = أدخل عنوان بريد إلكتروني مثل name@example.org.
accounts-invite-name-missing = أدخل اسم الشخص (200 حرف على الأكثر).
accounts-invite-kind-invalid = اختر نوع الحساب من القائمة.
accounts-invite-participant-missing = اختر الدولة أو المنظمة التي يعمل هذا الحساب باسمها.
accounts-invite-account-exists = يوجد حساب بهذا العنوان بالفعل.
accounts-invite-pending-exists = توجد دعوة إلى هذا العنوان في الانتظار بالفعل. ألغها أولًا لإرسال دعوة جديدة.

enrol-password-title = مرحبًا بك في pocdir
enrol-password-intro = لقد دُعيت إلى دليل جهات الاتصال. اختر كلمة المرور لإنشاء حسابك.
enrol-password-submit = اختيار كلمة المرور هذه
enrol-password-next = بعد ذلك ستُعدّ عامل التحقق الثاني باستخدام تطبيق مصادقة.

link-title = لا يمكن استخدام هذا الرابط
link-unknown = هذا الرابط غير معروف. تحقق من نسخه كاملًا من الرسالة.
link-used = استُخدم هذا الرابط من قبل. يعمل كل رابط مرة واحدة فقط.
link-revoked = سُحبت هذه الدعوة. اطلب دعوة جديدة ممن دعاك.
link-expired = انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا.
link-go-sign-in = الانتقال إلى تسجيل الدخول

forgot-link = هل نسيت كلمة المرور؟
forgot-title = نسيان كلمة المرور
forgot-intro = أدخل عنوان البريد الإلكتروني لحسابك. إذا كان له حساب، نرسل إليه رابطًا لاختيار كلمة مرور جديدة. ستحتاج أيضًا إلى تطبيق المصادقة أو رمز استرداد.
forgot-submit = إرسال الرابط
forgot-sent = إذا كان هذا العنوان لحساب ما، فإن رابطًا لاختيار كلمة مرور جديدة في طريقه إليه. يعمل مرة واحدة لمدة ساعة.

reset-title = اختيار كلمة مرور جديدة
reset-intro = كلمة مرور جديدة للحساب
reset-recovery-instead = أو، بدلًا من الرمز، أحد رموز الاسترداد الخاصة بك
reset-no-second-factor = ليس لحسابك عامل تحقق ثانٍ بعد: ستُعدّه عند تسجيل دخولك التالي.
reset-submit = حفظ كلمة المرور الجديدة

first-password-title = اختر كلمة المرور الخاصة بك
first-password-intro = حدّد شخص آخر كلمة مرورك. اختر كلمة مرورك قبل المتابعة: لن يُفتح شيء آخر قبل ذلك.
first-password-submit = اختيار كلمة المرور هذه
first-password-same-as-before = اختر كلمة مرور مختلفة عن التي أُعطيت لك.

poc-access-title = الوصول إلى البوابة
poc-access-linked = تسجّل جهة الاتصال هذه الدخول بالحساب
poc-access-invited = توجد دعوة في انتظار القبول، صالحة حتى التاريخ المبيَّن:
poc-access-none = ليس لجهة الاتصال هذه حساب في البوابة بعد.
poc-access-invite-heading = إرسال دعوة
poc-access-invite-intro = دعوة إلى أحد العناوين المتحقق منها في هذا القيد. بعد قبولها يُربط الحساب الجديد بهذا القيد.
poc-access-link-heading = الربط بحساب موجود
poc-access-account = حساب لهذه الدولة وهذا الدور
poc-access-link-submit = ربط
accounts-link-choose = اختر من القائمة حسابًا لهذه الدولة وهذا الدور.
accounts-poc-invite-choose = اختر أحد عناوين البريد الإلكتروني المتحقق منها في القيد.
accounts-poc-not-active = لا يُمنح الوصول إلى البوابة إلا لجهة اتصال متحقق منها ونشطة.

done-invitation-sent = أُرسلت الدعوة.
done-invitation-revoked = أُلغيت الدعوة: لم يعد رابطها يعمل.
done-account-disabled = عُطّل الحساب وأُبلغ صاحبه بالسبب.
done-account-enabled = أُعيد تفعيل الحساب وأُبلغ صاحبه بالسبب.
done-second-factor-reset = أُعيد تعيين عامل التحقق الثاني؛ سيعيد الحساب إعداده عند تسجيل دخوله التالي.
done-password-chosen = تم تغيير كلمة المرور.
done-password-reset = تم تغيير كلمة المرور. سجّل الدخول بها.
done-poc-linked = رُبطت جهة الاتصال بالحساب.

accounts-mail-signature = pocdir، دليل جهات الاتصال
accounts-mail-invitation-subject = دعوتك إلى دليل جهات الاتصال
accounts-mail-invitation-body =
    مرحبًا،

    يدعوك { $inviter } إلى دليل جهات الاتصال بصفة { $state ->
        [none] { $kind }
       *[other] { $kind } عن { $state }
    }.

    افتح هذا الرابط لاختيار كلمة المرور وإعداد عامل التحقق الثاني (تطبيق مصادقة):
    { $link }

    يعمل الرابط مرة واحدة، حتى { $expires }. إذا لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.
accounts-mail-reset-subject = اختيار كلمة مرور جديدة لدليل جهات الاتصال
accounts-mail-reset-body =
    مرحبًا،

    طلب شخص ما اختيار كلمة مرور جديدة للحساب { $email }. إذا كنت أنت، فافتح هذا الرابط:
    { $link }

    ستحتاج أيضًا إلى تطبيق المصادقة أو رمز استرداد. يعمل الرابط مرة واحدة، حتى { $expires }.

    إذا لم تكن أنت، فتجاهل هذه الرسالة: لم تتغير كلمة مرورك.
accounts-mail-disabled-subject = عُطّل حسابك في دليل جهات الاتصال
accounts-mail-disabled-body =
    مرحبًا،

    عطّلت الأمانة حسابك. لم يعد بإمكانك تسجيل الدخول، ولم تعد رموز API الخاصة بك تعمل.

    السبب: { $reason }

    إذا كنت ترى أن ذلك خطأ، فراسل الأمانة.
accounts-mail-enabled-subject = أُعيد تفعيل حسابك في دليل جهات الاتصال
accounts-mail-enabled-body =
    مرحبًا،

    أعادت الأمانة تفعيل حسابك. يمكنك تسجيل الدخول بكلمة المرور وعامل التحقق الثاني: { $link }

    السبب: { $reason }
accounts-mail-mfa-reset-subject = أُعيد تعيين عامل التحقق الثاني لحسابك في دليل جهات الاتصال
accounts-mail-mfa-reset-body =
    مرحبًا،

    أعادت الأمانة تعيين عامل التحقق الثاني لحسابك: لم يعد تطبيق المصادقة ولا رموز الاسترداد يعملان. عند تسجيل دخولك التالي ستُعدّ عامل التحقق الثاني من جديد: { $link }

    السبب: { $reason }

    إذا لم تطلب ذلك، فأبلغ الأمانة فورًا.
