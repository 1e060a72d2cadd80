# الصفحة الرئيسية لكل نوع من الحسابات، والصفحة العامة مع الخريطة.

home-help = مساعدة خاصة بدورك
home-help-all = المساعدة، وكيف تنضم الدولة
home-tasks-heading = ما يمكنك القيام به
home-col-when = متى
home-col-who = من
home-col-what = على ماذا
home-col-action = الإجراء
home-col-status = الحالة

home-secretariat-title = الأمانة
home-secretariat-lead = ما ينتظرك: ترشيحات للتحقق منها، وقيود تجاوزت موعد إعادة التأكيد، وبريد لم يُرسَل، وطلبات مرفوضة.
home-queue-count = { $count ->
    [zero] ترشيح أو تعديل ينتظر التحقق
    [one] ترشيح أو تعديل ينتظر التحقق
    [two] ترشيحان أو تعديلان ينتظران التحقق
    [few] ترشيحات أو تعديلات تنتظر التحقق
   *[other] ترشيحًا أو تعديلًا ينتظر التحقق
}
home-overdue-count = { $count ->
    [zero] قيد تجاوز موعد إعادة التأكيد
    [one] قيد تجاوز موعد إعادة التأكيد
    [two] قيدان تجاوزا موعد إعادة التأكيد
    [few] قيود تجاوزت موعد إعادة التأكيد
   *[other] قيدًا تجاوز موعد إعادة التأكيد
}
home-mail-queued = { $count ->
    [zero] رسالة بريد تنتظر الإرسال
    [one] رسالة بريد تنتظر الإرسال
    [two] رسالتان تنتظران الإرسال
    [few] رسائل تنتظر الإرسال
   *[other] رسالة تنتظر الإرسال
}
home-mail-failed = { $count ->
    [one] تعذّر إرسال رسالة واحدة نهائيًا
   *[other] تعذّر إرسال { $count } من الرسائل نهائيًا
}
home-overdue-heading = الأطول تأخرًا
home-refusals-heading = طلبات رُفضت مؤخرًا
home-refusals-none = لم يُرفض أي طلب مؤخرًا.
home-refusals-all = جميع الطلبات المرفوضة في السجل

home-nominator-title = سلطة الترشيح
home-nominator-lead = جهات الاتصال التابعة لدولتك، ومواعيد إعادة تأكيدها، والترشيحات التي تنتظر الأمانة.
home-pending-count = { $count ->
    [zero] طلب ينتظر الأمانة
    [one] طلب ينتظر الأمانة
    [two] طلبان ينتظران الأمانة
    [few] طلبات تنتظر الأمانة
   *[other] طلبًا ينتظر الأمانة
}
home-state-pocs-heading = جهات الاتصال التابعة لدولتك

home-poc-lead = ابحث عن جهة الاتصال التي تحتاج إليها، وتحقق من أن قيدك محدَّث.
home-own-entry-heading = قيدك في الدليل
home-own-entry-none = لا يتضمن أي قيد نشط لدولتك عنوان بريدك الإلكتروني. إن كان ينبغي أن يكون لك قيد، فاتصل بسلطة الترشيح في دولتك.
home-own-entry-who-confirms = تؤكد سلطة الترشيح في دولتك هذا القيد أو تصححه؛ أبلغها عندما يتغير شيء.

home-auditor-title = المدقق
home-auditor-lead = السجل المحمي من العبث لكل ما حدث، وآخر حالة موقَّعة له.
home-log-head-heading = آخر رأس موقَّع للسجل
home-log-size = عدد القيود
home-log-signed-at = وُقّع في
home-log-root = تجزئة الجذر
home-log-verify = يستطيع أي شخص، دون أي سر، أن يتحقق من أن السجل لم يُغيَّر إلا بالإضافة:
home-recent-heading = النشاط الأخير
home-recent-all = السجل كاملًا، مع عوامل التصفية

home-reporter-title = مُبلِّغ من القطاع الخاص
home-reporter-lead = بصفتك مُبلِّغًا معتمدًا، ستُبلغ جهات الاتصال التقنية للدول التي تختارها بالتهديدات ومواطن الضعف.
home-reporter-can-heading = ما يمكنك القيام به الآن
home-reporter-can-public = معرفة الدول المشاركة:
home-reporter-can-account = إدارة كلمة المرور والعامل الثاني ورموز واجهة البرمجة:
home-reporter-cannot-heading = ما لا يمكنك رؤيته
home-reporter-cannot = لا يرى المُبلِّغون الدليل أبدًا: لا الأسماء ولا بيانات الاتصال لأي جهة اتصال. تصل إبلاغاتك إليهم دون الكشف عن هويتهم.

public-map-title = خريطة العالم مع إبراز الدول المشاركة
public-map-key = دولة مشاركة
public-map-source = بيانات الخريطة: Natural Earth (ملك عام)، عبر world-atlas.
public-by-region = الدول المشاركة حسب المنطقة
public-organisations = المنظمات
public-all-participants = جميع المشاركين في جدول
public-join-more = المزيد عن كيفية انضمام الدولة، والمساعدة لكل دور
