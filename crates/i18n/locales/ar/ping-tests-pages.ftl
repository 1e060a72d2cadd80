# اختبارات الاتصال: الصفحات (الحملات، والاستمارة، والحملة، وصفحة التأكيد، والوصف، والأرقام المنشورة) وأجزاؤها في الصفحات الرئيسية.
nav-ping-tests = اختبارات الاتصال
ping-page-what = يتحقق اختبار الاتصال من إمكانية الوصول إلى جهات الاتصال التي سمّتها الدول: تتلقى كل جهة رابطًا وتؤكد بزر واحد.
ping-page-about-link = ما اختبار الاتصال وكيف تُستخدم نتائجه
ping-page-list-title = اختبارات الاتصال
ping-page-list-lead = حملات تتحقق من إمكانية الوصول إلى جهات الاتصال ومن ردّها في الوقت المحدد.
ping-page-new = اختبار اتصال جديد
ping-page-trend-link = التطور عبر الحملات
ping-page-published-link = الأرقام المنشورة
ping-page-none = لا يوجد اختبار اتصال بعد.
ping-page-col-kind = النوع
ping-page-col-status = الحالة
ping-page-col-start = البداية
ping-page-col-answer-by = الرد قبل
ping-page-col-closes = تُسجَّل الردود المتأخرة حتى
ping-page-scope-everywhere = من جميع الدول المشاركة
ping-page-scope-regions = في هذه المناطق: { $list }
ping-page-scope-states = من هذه الدول: { $list }
ping-page-new-title = اختبار اتصال جديد
ping-page-back-to-list = العودة إلى اختبارات الاتصال
ping-page-new-intro = تتلقى كل جهة اتصال مشمولة رسالة فيها رابط يُستخدم مرة واحدة لتأكيد إمكانية الوصول إليها.
ping-page-field-title = العنوان
ping-page-field-start = البداية (بالتوقيت العالمي المنسق UTC)
ping-page-start-hint = اتركه فارغًا للبدء الآن؛ وإلا فتاريخ ووقت بالتوقيت العالمي المنسق UTC.
ping-page-field-window = مهلة الرد (بالساعات)
ping-page-window-hint = من 1 إلى 720 ساعة؛ 72 ساعة افتراضيًا.
ping-page-field-reminders = التذكيرات (بالساعات بعد البداية)
ping-page-reminders-hint = مفصولة بفواصل، وكل منها داخل المهلة، مثلًا: 24, 48. فارغ: بلا تذكير.
ping-page-field-scope = مَن يشمل
ping-page-field-regions = هذه المناطق فقط
ping-page-field-states = هذه الدول فقط
ping-page-multi-hint = بلا اختيار: الكل. اضغط Ctrl (أو Cmd) باستمرار لاختيار أكثر من واحد.
ping-page-field-announced = إخطار جهات الاتصال مسبقًا
ping-page-announced-hint = فقط لحملة تبدأ لاحقًا: تتلقى جهات الاتصال إشعارًا قبل البداية.
ping-page-field-escalate = إبلاغ المسؤولين عن التسمية في كل دولة بجهات الاتصال التابعة لها التي لم ترد في الوقت المحدد
ping-page-escalate-hint = عند انتهاء مهلة الرد، يتلقى المسؤولون عن التسمية في كل دولة أسماء جهات الاتصال التابعة لها التي لم ترد في الوقت المحدد.
ping-page-create = إنشاء اختبار الاتصال
ping-page-not-created = لم يُنشأ اختبار الاتصال. صحّح الحقول أدناه.
ping-page-error-start-format = أدخل البداية تاريخًا ووقتًا (بالتوقيت العالمي المنسق UTC)، أو اتركها فارغة للبدء الآن.
ping-page-yes = نعم
ping-page-no = لا
ping-page-reminders-none = لا يوجد
ping-page-cancelled-at = أُلغي في
ping-page-published-at = نُشرت الأرقام في
ping-page-figures-heading = الأرقام الإجمالية
ping-page-figures-intro = جميع جهات الاتصال في الحملة مجتمعة؛ لا تُذكر أي دولة.
ping-page-figure-total = جهات الاتصال المختبَرة
ping-page-figure-states-all = دول أمكن الوصول إلى جميع جهات الاتصال فيها
ping-page-figure-states-partly = دول أمكن الوصول إلى بعض جهات الاتصال فيها
ping-page-figure-states-none = دول لم يمكن الوصول إلى أي جهة اتصال فيها
ping-page-figure-median = الوسيط لزمن الرد
ping-page-figure-none = لا ردود بعد
ping-page-duration = { $hours } س { $minutes } د
ping-page-results-link = النتائج
ping-page-publish-hint = يعرض النشر الأرقام الإجمالية أعلاه في الصفحة العامة. ولا تُذكر فيها أي دولة.
ping-page-publish = نشر الأرقام الإجمالية
ping-page-cancel-warning = يوقف الإلغاء الحملة نهائيًا: لا مزيد من التذكيرات، ولا تُسجَّل الردود بعد ذلك.
ping-page-cancel-confirm = أفهم ذلك: ألغِ اختبار الاتصال هذا
ping-page-cancel = إلغاء اختبار الاتصال هذا
ping-page-cancel-unconfirmed = ضع علامة في المربع لتأكيد رغبتك في إلغاء اختبار الاتصال هذا. لم يُغيَّر شيء.
done-ping-test-created = أُنشئ اختبار الاتصال.
done-ping-test-cancelled = أُلغي اختبار الاتصال: لا مزيد من التذكيرات ولا الردود.
done-ping-test-published = نُشرت الأرقام الإجمالية.
done-ping-test-answered = شكرًا: سُجّل ردّك في الوقت المحدد.
done-ping-test-answered-late = شكرًا: سُجّل ردّك بعد انتهاء مهلة الرد.
ping-page-confirm-title = اختبار اتصال: أكّد إمكانية الوصول إليك
ping-page-campaign = اختبار الاتصال
ping-page-would-be-late = انتهت مهلة الرد: سيُسجَّل ردّك متأخرًا.
ping-page-would-be-in-time = سيُسجَّل ردّك في الوقت المحدد.
ping-page-confirm-button = أؤكد إمكانية الوصول إليّ
ping-page-confirm-nothing-yet = لا يُسجَّل شيء حتى تضغط الزر.
ping-page-thanks-title = شكرًا
ping-page-thanks-in-time = سُجّل ردّك في الوقت المحدد. لا حاجة إلى أي إجراء آخر.
ping-page-thanks-late = سُجّل ردّك بعد انتهاء مهلة الرد: يُحتسب متأخرًا. لا حاجة إلى أي إجراء آخر.
ping-page-answered-at = سُجّل في
ping-page-refused-title = اختبار الاتصال
ping-page-published-title = اختبارات الاتصال: الأرقام المنشورة
ping-page-published-lead = الأرقام الإجمالية لاختبارات الاتصال التي اختارت الأمانة نشرها. لا تُذكر أي دولة ولا تُعرض أرقام أي دولة.
ping-page-published-none = لم تُنشر أي أرقام بعد.
ping-about-title = اختبارات الاتصال: كيف تجري
ping-about-answer-heading = ما يُحتسب ردًّا
ping-about-answer-intro = تتلقى كل جهة اتصال في الحملة رسالة فيها رابط يعمل مرة واحدة ولها وحدها. ويُسجَّل الرد بإحدى ثلاث طرق:
ping-about-answer-link = فتح الرابط والضغط على زر «أؤكد إمكانية الوصول إليّ» في الصفحة التي تُفتح؛
ping-about-answer-portal = تسجيل الدخول إلى البوابة والضغط على الزر نفسه في صفحتك الرئيسية؛
ping-about-answer-api = أو الرد عبر واجهة البرمجة (API)، بالرمز الوارد في الرابط أو برمز API الخاص بك.
ping-about-answer-opening = فتح الرابط وحده لا يُحتسب: فمرشحات البريد ومعاينات الروابط تفتح الروابط من تلقاء نفسها، لذا لا يسجّل الردَّ إلا الزر.
ping-about-window-heading = مهلة الرد والتذكيرات
ping-about-window = { $hours ->
    [one] يُحتسب الرد في الوقت المحدد إذا ورد خلال ساعة واحدة من البداية (ويجوز للأمانة اختيار مهلة أخرى لحملة ما).
   *[other] يُحتسب الرد في الوقت المحدد إذا ورد خلال { $hours } ساعة من البداية (ويجوز للأمانة اختيار مهلة أخرى لحملة ما).
}
ping-about-reminders = تتلقى جهات الاتصال التي لم ترد تذكيرات، افتراضيًا بعد { $hours } ساعة من البداية.
ping-about-late = { $days ->
    [one] بعد المهلة، يظل الرد المتأخر يُسجَّل حتى إغلاق الحملة بعد يوم واحد؛ ويُحتسب متأخرًا.
    [two] بعد المهلة، يظل الرد المتأخر يُسجَّل حتى إغلاق الحملة بعد يومين؛ ويُحتسب متأخرًا.
    [few] بعد المهلة، يظل الرد المتأخر يُسجَّل حتى إغلاق الحملة بعد { $days } أيام؛ ويُحتسب متأخرًا.
   *[other] بعد المهلة، يظل الرد المتأخر يُسجَّل حتى إغلاق الحملة بعد { $days } يومًا؛ ويُحتسب متأخرًا.
}
ping-about-schedule = تجري الحملات وفق جدول منتظم (كل ستة أشهر افتراضيًا)، ويجوز للأمانة بدء حملة في أي وقت.
ping-about-no-answer-heading = عند عدم الرد
ping-about-escalation = إذا نصّت الحملة على ذلك، يُبلَّغ المسؤولون عن التسمية في كل دولة عند انتهاء المهلة بجهات الاتصال التابعة لها التي لم ترد في الوقت المحدد، ليتحققوا من بياناتها.
ping-about-other-channel = ويجوز للأمانة أيضًا التحقق بوسيلة أخرى، كالهاتف مثلًا، وتسجيل ما إذا أمكن الوصول إلى جهة الاتصال.
ping-about-results-heading = كيف تُستخدم النتائج
ping-about-results-states = ترى كل دولة نتائج جهات الاتصال التابعة لها، والأرقام الإجمالية لجميع الدول مجتمعة.
ping-about-results-never = لا تُستخدم النتائج أبدًا لترتيب الدول أو للتشهير علنًا بأي دولة.
ping-about-results-public = لا يرى الجمهور إلا الأرقام الإجمالية التي اختارت الأمانة نشرها، دون اسم أي دولة أو أرقامها.
ping-home-poc-heading = اختبارات الاتصال
ping-home-for-entry = لـ
ping-home-answered = تم الرد: شكرًا
ping-home-running = { $count ->
    [one] اختبار اتصال جارٍ
   *[other] اختبارات اتصال جارية
}
ping-home-reached = ردّت { $reached } من أصل { $total } جهة اتصال
ping-home-reached-own = ردّت { $reached } من أصل { $total } من جهات الاتصال في دولتك.
ping-home-latest = آخر اختبار اتصال: { $title }.
ping-page-reminders-at = التذكيرات
