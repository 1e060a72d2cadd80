# المبلِّغون: استمارة الطلب العامة، وصفحات التدقيق لدى الأمانة، والرسائل إلى مقدمي الطلبات، والصفحة الرئيسية للمبلِّغ.
reporters-apply-teaser = يمكن للشركات وفرق البحث وفرق الاستجابة للحوادث الحاسوبية (CSIRT) التي تكتشف تهديدات أو ثغرات أن تُبلغ بها جهات الاتصال التقنية للدول.
reporters-apply-link = التقدم بطلب لتصبح مبلِّغًا
reporters-apply-title = التقدم بطلب لتصبح مبلِّغًا
reporters-apply-intro = يمكن للشركات وفرق البحث وفرق CSIRT من خارج الدليل أن تصبح مبلِّغين معتمدين: بعد الموافقة، تُبلغ جهات الاتصال التقنية للدول المشاركة بالتهديدات والثغرات. لا يرى المبلِّغ الدليل أبدًا.
reporters-apply-what-next = تدرس الأمانة كل طلب وترد بالبريد الإلكتروني باللغة التي تختارها.
reporters-apply-submit = إرسال الطلب
reporters-field-organisation = الجهة
reporters-field-country = البلد
reporters-field-website = الموقع الإلكتروني
reporters-website-hint = عنوان يبدأ بـ https://
reporters-field-contact-name = الشخص المسؤول عن الاتصال
reporters-field-contact-email = البريد الإلكتروني للاتصال
reporters-field-language = لغة ردنا
reporters-field-openpgp-key = مفتاح OpenPGP العام
reporters-openpgp-hint = اختياري؛ بصيغة ASCII المدرعة
reporters-field-why = لماذا تريد إبلاغ الدول
reporters-why-hint = ما تقومون به، وما الذي ستبلغون عنه
reporters-thanks-title = تم استلام الطلب
reporters-thanks-body = شكرًا لكم. ستدرس الأمانة الطلب وترد على الشخص المسؤول عن الاتصال بالبريد الإلكتروني.
reporters-thanks-back = العودة إلى الصفحة الرئيسية
reporters-error-required = هذا الحقل مطلوب.
reporters-error-too-long = النص طويل جدًا.
reporters-error-control-characters = يحتوي على أحرف لا يمكن عرضها.
reporters-error-country = اختر بلدًا من القائمة.
reporters-error-website = أدخل عنوان https:// لموقع له اسم، دون اسم مستخدم أو كلمة مرور.
reporters-error-email = هذا ليس عنوان بريد إلكتروني.
reporters-error-language = اختر إحدى لغات الأمم المتحدة الست.
reporters-error-not-now = لا يمكن اتخاذ هذا القرار في الحالة الراهنة للمبلِّغ.
reporters-error-reason-missing = اذكر السبب: سيُرسل إلى مقدم الطلب.
reporters-error-reason-too-long = يتجاوز السبب 1000 حرف.
reporters-error-address-taken = لعنوان الشخص المسؤول عن الاتصال حساب أو دعوة مفتوحة بالفعل.
reporters-error-decision = قرار غير معروف.
reporters-status-pending = بانتظار الدراسة
reporters-status-approved = مقبول
reporters-status-rejected = مرفوض
reporters-status-suspended = معلَّق
reporters-decision-approve = قبول
reporters-decision-reject = رفض
reporters-decision-suspend = تعليق
reporters-decision-reinstate = إعادة التفعيل
reporters-list-title = المبلِّغون
reporters-list-intro = طلبات الشركات وفرق البحث وفرق CSIRT، وأولها الطلبات التي تنتظر الدراسة. قبول طلب يدعو الشخص المسؤول عن الاتصال إلى إنشاء حساب مبلِّغ.
reporters-list-pending = { $count ->
    [zero] لا توجد طلبات تنتظر الدراسة.
    [one] طلب واحد ينتظر الدراسة.
    [two] طلبان ينتظران الدراسة.
    [few] { $count } طلبات تنتظر الدراسة.
   *[other] { $count } طلبًا ينتظر الدراسة.
}
reporters-list-none = لا توجد طلبات بعد.
reporters-col-status = الحالة
reporters-col-applied = تاريخ الطلب
reporters-col-reason = السبب
reporters-col-fingerprint = بصمة OpenPGP
reporters-col-when = التاريخ
reporters-col-decision = القرار
reporters-reason = السبب
reporters-history = القرارات
reporters-home-suspended = جهتك معلَّقة: لا يزال بإمكانك تسجيل الدخول، لكن لا يصل أي شيء ترسله إلى الدول حتى تعيد الأمانة تفعيلها.
done-reporter-approved = تم القبول: دُعي الشخص المسؤول عن الاتصال بالبريد الإلكتروني إلى إنشاء حساب المبلِّغ.
done-reporter-rejected = تم الرفض: أُبلغ مقدم الطلب بالسبب.
done-reporter-suspended = تم التعليق: أُبلغ المبلِّغ بالسبب.
done-reporter-reinstated = أُعيد التفعيل: أُبلغ المبلِّغ بذلك.
reporters-mail-approve-subject = تمت الموافقة على طلبكم لإبلاغ الدول
reporters-mail-approve-body = وافقت الأمانة على طلب { $organisation } لإبلاغ جهات الاتصال التقنية للدول المشاركة.

    أنشئوا حساب المبلِّغ (كلمة مرور وعامل تحقق ثانٍ) عبر هذا الرابط قبل { $expires }:
    { $link }
reporters-mail-reject-subject = بشأن طلبكم لإبلاغ الدول
reporters-mail-reject-body = لم توافق الأمانة على طلب { $organisation }.

    السبب: { $reason }
reporters-mail-suspend-subject = تم تعليق حساب المبلِّغ الخاص بكم
reporters-mail-suspend-body = علّقت الأمانة صفة { $organisation } كمبلِّغ: لن يصل أي شيء ترسله إلى الدول حتى إعادة التفعيل.

    السبب: { $reason }
reporters-mail-reinstate-subject = أُعيد تفعيل حساب المبلِّغ الخاص بكم
reporters-mail-reinstate-body = أعادت الأمانة تفعيل صفة { $organisation } كمبلِّغ. تسجيل الدخول: { $link }
values-log-reporter-apply = تقدّم { $actor } بطلب ليصبح مبلِّغًا: { $object }.
values-log-reporter-approve = وافق { $actor } على { $object }.
values-log-reporter-reject = رفض { $actor } { $object }.
values-log-reporter-suspend = علّق { $actor } { $object }.
values-log-reporter-reinstate = أعاد { $actor } تفعيل { $object }.
reporters-object = المبلِّغ رقم { $id }
reporters-help-vet = تدقيق المبلِّغين
reporters-help-vet-text = افتح «المبلِّغون» من صفحتك الرئيسية: تأتي الطلبات التي تنتظر الدراسة أولًا. عند الشك، تحقق من الجهة وموقعها ومفتاح OpenPGP الخاص بها عبر قناة أخرى. اقبل الطلب لدعوة الشخص المسؤول عن الاتصال إلى إنشاء حساب مبلِّغ؛ وارفضه مع ذكر السبب الذي يُرسل إلى مقدم الطلب. علّق مبلِّغًا مقبولًا يسيء الاستخدام مع ذكر السبب: يظل قادرًا على تسجيل الدخول، لكن لا يخرج شيء مما يرسله حتى تعيد تفعيله.
reporters-help-apply = التقدم بطلب لتصبح مبلِّغًا
reporters-help-apply-text = استخدم استمارة «التقدم بطلب لتصبح مبلِّغًا» المتاحة من الصفحة العامة وصفحة تسجيل الدخول: لا حاجة إلى حساب. أدخل موقعًا يبدأ بـ https وعنوانًا تقرؤه؛ ترد الأمانة باللغة التي تختارها. عند القبول، تتضمن الرسالة رابطًا لتعيين كلمة مرور وعامل تحقق ثانٍ.
reporters-help-status = حالتك
reporters-help-status-text = تعرض صفحتك الرئيسية جهتك وحالتها. يظل المبلِّغ المعلَّق قادرًا على تسجيل الدخول ويُبلَّغ بالسبب، لكن لا يصل شيء مما يرسله إلى الدول حتى تعيد الأمانة تفعيله.
reporters-col-language = لغة رسائلها
reporters-col-why = لماذا تريد الجهة إبلاغ الدول
