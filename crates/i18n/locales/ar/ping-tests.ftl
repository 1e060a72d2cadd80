# اختبارات الاتصال (ping tests): تسميات القواعد، وفحوص الحملة، وأسباب رفض الرد، والرسائل.
ping-kind-scheduled = مجدولة
ping-kind-ad_hoc = مخصّصة
ping-status-scheduled = مجدولة
ping-status-running = جارية
ping-status-finished = منتهية
ping-status-cancelled = ملغاة
ping-roles-both = جهات الاتصال الدبلوماسية والتقنية
ping-roles-diplomatic = جهات الاتصال الدبلوماسية
ping-roles-technical = جهات الاتصال التقنية
ping-channel-link = رابط مرسل بالبريد
ping-channel-portal = البوابة
ping-channel-api = واجهة البرمجة (API)
ping-channel-other_channel = قناة أخرى (سجّلتها الأمانة)
ping-outcome-in_time = ردّ في الوقت المحدد
ping-outcome-late = ردّ متأخرًا
ping-outcome-no_answer = لا رد
ping-outcome-undeliverable = تعذّر تسليم البريد
ping-outcome-awaiting = في انتظار الرد
ping-finding-reached = تم الوصول إليه
ping-finding-not_reached = لم يتم الوصول إليه
ping-reach-all = تم الوصول إلى جميع جهات الاتصال
ping-reach-partly = تم الوصول إلى بعض جهات الاتصال
ping-reach-none = لم يتم الوصول إلى أي جهة اتصال
ping-reach-awaiting = في انتظار الردود
ping-band-under_1h = أقل من ساعة
ping-band-1h_4h = من ساعة إلى 4 ساعات
ping-band-4h_12h = من 4 إلى 12 ساعة
ping-band-12h_24h = من 12 إلى 24 ساعة
ping-band-24h_48h = من يوم إلى يومين
ping-band-48h_72h = من يومين إلى 3 أيام
ping-band-over_72h = أكثر من 3 أيام
ping-refused-unknown = رابط اختبار الاتصال هذا غير صالح. تحقّق من أنك نسخت الرابط كاملًا من الرسالة؛ لم يُسجَّل شيء.
ping-refused-used = تم الرد على اختبار الاتصال هذا من قبل. شكرًا لك: لا حاجة إلى أي شيء آخر.
ping-refused-expired = أُغلق اختبار الاتصال هذا؛ لم تعد الردود تُسجَّل. لم يُسجَّل شيء.
ping-refused-cancelled = ألغت الأمانة اختبار الاتصال هذا. لم يُسجَّل شيء ولا حاجة إلى أي شيء آخر.
ping-error-title-required = أعطِ الحملة عنوانًا.
ping-error-title-invalid = يجب ألا يتجاوز العنوان 200 حرف، ودون أحرف تحكّم.
ping-error-start-past = وقت البدء في الماضي. اختر وقتًا من الآن فصاعدًا، أو اتركه فارغًا للبدء الآن.
ping-error-start-far = يجب أن يكون البدء خلال ثلاث سنوات.
ping-error-window = يجب أن تكون مهلة الرد بين ساعة واحدة و30 يومًا.
ping-error-reminders-many = خمسة تذكيرات على الأكثر.
ping-error-reminder-outside = يجب أن يقع كل تذكير داخل مهلة الرد (بعد ساعة واحدة على الأقل من البدء).
ping-error-region-unknown = إحدى المناطق المختارة ليست منطقة دولة مشاركة.
ping-error-state-unknown = إحدى الدول المختارة غير مشاركة.
ping-error-announce-adhoc = لا يمكن الإعلان مسبقًا عن حملة تبدأ الآن؛ جدولها لوقت لاحق.
ping-error-scope-empty = لا توجد جهة اتصال ضمن هذا النطاق: لا تطابق أي جهة اتصال نشطة لدولة مشاركة الأدوار والمناطق والدول المختارة.
ping-error-note = يجب ألا تتجاوز الملاحظة 2000 حرف.
ping-error-cancel-over = لا يمكن إلغاء إلا حملة مجدولة أو جارية.
ping-error-publish-unfinished = لا يمكن نشر إلا أرقام حملة منتهية.
ping-error-published-already = أرقام هذه الحملة منشورة من قبل.
ping-mail-challenge-subject = اختبار اتصال: يُرجى تأكيد إمكانية الوصول إليك ({ $title })
ping-mail-challenge-body =
    هذا اختبار اتصال لدليل جهات الاتصال ({ $title }).
    وهو يتحقق من إمكانية الوصول إلى جهات الاتصال التي سمّتها الدول ومن ردّها في الوقت المحدد.

    يُرجى فتح هذا الرابط والضغط على زر «أؤكد» في الصفحة التي تُفتح:
    { $link }

    يُرجى الرد قبل { $answer_by }. فتح الرابط وحده لا يسجّل شيئًا.
    يعمل الرابط مرة واحدة ولك وحدك؛ لا تعِد توجيهه.

    ما اختبار الاتصال وكيف تُستخدم نتائجه: { $about }
ping-mail-reminder-subject = تذكير: اختبار اتصال، يُرجى تأكيد إمكانية الوصول إليك ({ $title })
ping-mail-reminder-body =
    لم نتلقَّ بعدُ ردّك على اختبار الاتصال لدليل جهات الاتصال ({ $title }).

    يُرجى فتح هذا الرابط والضغط على زر «أؤكد» في الصفحة التي تُفتح:
    { $link }

    يُرجى الرد قبل { $answer_by }.

    ما اختبار الاتصال وكيف تُستخدم نتائجه: { $about }
ping-mail-notice-subject = سيُجرى اختبار اتصال ({ $title })
ping-mail-notice-body =
    سيبدأ اختبار اتصال لدليل جهات الاتصال ({ $title }) في { $starts_at }.
    ستتلقى رسالة فيها رابط؛ يُرجى فتحه والضغط على الزر في الصفحة التي تُفتح.

    ما اختبار الاتصال وكيف تُستخدم نتائجه: { $about }
ping-mail-escalation-subject = اختبار اتصال: { $count ->
    [one] لم تردّ جهة اتصال واحدة من دولتك في الوقت المحدد
    [two] لم تردّ جهتا اتصال من دولتك في الوقت المحدد
   *[other] لم تردّ { $count } من جهات الاتصال في دولتك في الوقت المحدد
} ({ $title })
ping-mail-escalation-body =
    انتهت مهلة الرد على اختبار الاتصال «{ $title }».
    لم تردّ جهات الاتصال التالية من دولتك في الوقت المحدد:

    { $pocs }

    يُرجى التحقق من أن بياناتها محدّثة وأنه يمكن الوصول إليها. النتائج: { $link }
