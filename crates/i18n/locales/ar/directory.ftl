## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
nav-directory = الدليل
nav-nominations = الترشيحات
nav-revalidation = إعادة التأكيد

directory-title = دليل جهات الاتصال
directory-intro = جهات الاتصال الدبلوماسية والتقنية للدول المشاركة. ابحث بالاسم أو الدولة أو المؤسسة أو أي كلمة أخرى؛ وضيّق البحث حسب المنطقة والدور ولغة العمل والمنطقة الزمنية؛ أو اعرض فقط من هم في ساعات عملهم الآن.
directory-filter-text = بحث
directory-any = الكل
directory-filter-role = الدور
directory-filter-language = لغة العمل
directory-filter-time-zone = المنطقة الزمنية أو الإقليم
directory-filter-awake = فقط من هم في ساعات عملهم الآن
directory-search = بحث
directory-count = { $count ->
    [zero] لم يُعثر على أي جهة اتصال.
    [one] عُثر على جهة اتصال واحدة.
    [two] عُثر على جهتي اتصال.
    [few] عُثر على { $count } جهات اتصال.
    [many] عُثر على { $count } جهة اتصال.
   *[other] عُثر على { $count } جهة اتصال.
}
directory-col-state = الدولة أو المنظمة
directory-col-now = الآن
directory-pages = صفحات النتائج
directory-previous = السابق
directory-next = التالي
directory-error-awake = خيار «في ساعات العمل الآن» إما مفعّل أو غير مفعّل.

poc-field-name = الاسم
poc-field-secure-channels = قنوات آمنة أخرى
poc-field-notes = ملاحظات
poc-field-status = الحالة
poc-phone-office = المكتب
poc-phone-mobile = الجوال
poc-phone-24x7 = على مدار الساعة
poc-status-pending = بانتظار التحقق
poc-status-active = نشطة
poc-status-rejected = مرفوضة
poc-status-withdrawn = مسحوبة
poc-pending-create = ترشيح جديد بانتظار التحقق
poc-pending-update = تعديل بانتظار التحقق
poc-pending-withdraw = سحب بانتظار التحقق
poc-confirmed-at = آخر تأكيد
poc-revalidate-by = يجب التأكيد مجددًا قبل
poc-overdue = متأخر
poc-details-heading = بيانات الاتصال
poc-read-logged = سُجّل اطّلاعك على هذه البيانات، ويمكن لدولة جهة الاتصال هذه أن تراه.
poc-proposed-heading = التعديل المقترح
poc-actions-heading = الإجراءات
poc-confirm-button = تأكيد أن هذه البيانات لا تزال صحيحة
poc-edit-button = اقتراح تعديل
poc-withdraw-button = سحب جهة الاتصال هذه
poc-edit-title = تعديل جهة اتصال
poc-history-heading = السجل
poc-history-version = الإصدار
poc-history-at = التاريخ
poc-history-action = ما حدث
poc-history-reason = السبب
poc-history-propose = رُشّحت
poc-history-propose-update = اقتُرح تعديل
poc-history-propose-withdrawal = اقتُرح السحب
poc-history-approve = تحققت منها الأمانة
poc-history-reject = رفضتها الأمانة
poc-history-confirm = أكدتها جهة الترشيح

nominations-title = ترشيحات بانتظار التحقق
nominations-intro = لا يسري أي ترشيح أو تعديل أو سحب إلا بعد أن تتحقق منه الأمانة. يظهر الطلب الأقدم أولًا.
nominations-empty = لا شيء بانتظار التحقق.
nominations-col-request = الطلب
nominations-col-since = بالانتظار منذ
nominations-decide-heading = قرار الأمانة
nominations-reason = السبب (إلزامي عند الرفض؛ وستطّلع عليه جهة الترشيح)
nominations-approve = التحقق والتفعيل
nominations-reject = رفض

nominate-title = ترشيح جهة اتصال
nominate-intro = تتحقق الأمانة من كل ترشيح قبل ظهوره في الدليل. يجب ملء الحقول الإلزامية؛ وتساعد بقية الحقول الدول الأخرى على الوصول إلى هذا الشخص بسرعة.
nominate-submit = إرسال للتحقق
form-one-per-line = (واحد في كل سطر)
# Latin examples (phone numbers, the key's first line) sit between invisible
# left-to-right isolates (U+2066 … U+2069), so they read left to right here.
form-phone-hint = (بالصيغة الدولية، مثل ⁦+41 22 917 12 34⁩)
form-phone-use = استخدام الرقم
form-languages-hint = (رموز اللغات مفصولة بمسافات أو فواصل، مثل "ar en fr")
form-time-zone-hint = (منطقة زمنية من قاعدة IANA، مثل "Asia/Riyadh" أو "Africa/Cairo")
form-hours-hint = (مثل "Sun-Thu 08:00-16:00" أو "Mon-Fri 09:00-17:00" أو "24/7"، بحسب المنطقة الزمنية أعلاه)

revalidation-title = إعادة تأكيد جهات الاتصال
revalidation-intro = { $days ->
    [one] يجب أن تؤكد جهة الترشيح كل جهة اتصال نشطة كل يوم.
    [two] يجب أن تؤكد جهة الترشيح كل جهة اتصال نشطة كل يومين.
    [few] يجب أن تؤكد جهة الترشيح كل جهة اتصال نشطة كل { $days } أيام.
   *[other] يجب أن تؤكد جهة الترشيح كل جهة اتصال نشطة كل { $days } يومًا.
} تُرسل التذكيرات قبل الموعد؛ وتُبرز هنا المُدخلات المتأخرة للأمانة وللدولة.
revalidation-overdue-count = { $count ->
    [one] جهة اتصال واحدة تأخر تأكيدها.
    [two] جهتا اتصال تأخر تأكيدهما.
    [few] { $count } جهات اتصال تأخر تأكيدها.
   *[other] { $count } جهة اتصال تأخر تأكيدها.
}
revalidation-none-overdue = لا توجد جهة اتصال متأخرة.
revalidation-days-left = { $days ->
    [zero] لم يتبقَّ أي يوم
    [one] تبقّى يوم واحد
    [two] تبقّى يومان
    [few] تبقّت { $days } أيام
   *[other] تبقّى { $days } يومًا
}

region-africa = أفريقيا
region-americas = الأمريكتان
region-asia = آسيا
region-europe = أوروبا
region-oceania = أوقيانوسيا
