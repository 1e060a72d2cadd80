# بناء القدرات: الطلبات، والعروض، والاختيار، وإقرار الأمانة بالاستلام
# وتأكيدها، والمتابعة.

home-capacity-link = بناء القدرات: الطلبات والعروض
capacity-object = طلب بناء القدرات رقم { $id }

capacity-list-title = بناء القدرات
capacity-list-lead = تطلب الدول المساعدة في بناء قدراتها؛ وتعرضها الدول والمنظمات؛ وتختار الدولة الطالبة، وتؤكد الأمانة المطابقة، وتخضع كل مطابقة للمتابعة بعد 6 أشهر و12 شهرًا.
capacity-new-title = تقديم طلب لبناء القدرات
capacity-new-intro = بيّن ما تحتاج إليه دولتك. ترى الجهات المقدِّمة للمساعدة الطلب وفق ما تختاره أدناه؛ ثم تقارن عروضها وتختار واحدًا منها.
capacity-count = { $count ->
    [zero] لا توجد طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
    [many] { $count } طلبًا
   *[other] { $count } طلب
}
capacity-overdue-count = { $count ->
    [zero] لا توجد طلبات تنتظر الإقرار باستلامها بعد انقضاء مهلة أيام العمل الخمسة.
    [one] طلب واحد ينتظر الإقرار باستلامه بعد انقضاء مهلة أيام العمل الخمسة.
    [two] طلبان ينتظران الإقرار باستلامهما بعد انقضاء مهلة أيام العمل الخمسة.
    [few] { $count } طلبات تنتظر الإقرار باستلامها بعد انقضاء مهلة أيام العمل الخمسة.
    [many] { $count } طلبًا تنتظر الإقرار باستلامها بعد انقضاء مهلة أيام العمل الخمسة.
   *[other] { $count } طلب تنتظر الإقرار باستلامها بعد انقضاء مهلة أيام العمل الخمسة.
}
capacity-filter-show = عرض
capacity-show-open = الطلبات المفتوحة لتلقي العروض
capacity-show-mine = طلبات دولتي
capacity-show-all = كل ما يحق لي الاطلاع عليه
capacity-filter-any = الكل
capacity-filter-needed-before = مطلوب بحلول (كحد أقصى)
capacity-filter-apply = تصفية
capacity-col-request = الطلب
capacity-col-requester = الدولة الطالبة
capacity-col-status = الحالة
capacity-col-filed = تاريخ التقديم
capacity-col-first-offer = أول عرض
capacity-col-provider = الجهة المقدِّمة
capacity-col-funded = بتمويل من الجهة المقدِّمة
capacity-col-steps = الإجراءات
capacity-request-number = الطلب رقم 
capacity-own = دولتك
capacity-anonymous-requester = دولة مشاركة (مجهولة الهوية إلى أن تختار عرضًا)
capacity-yes = نعم
capacity-no = لا
capacity-due = الموعد
capacity-clocks = مهل الخدمة
capacity-offers = العروض
capacity-no-offers = لا توجد عروض بعد.
capacity-offer-title = عرض المساعدة
capacity-offer-description = ما تعرضه: مَن، وماذا، ومتى
capacity-offer-funded = نموّل ذلك بأنفسنا
capacity-make-offer = تقديم العرض
capacity-withdraw-offer = سحب العرض
capacity-follow-ups = المتابعة
capacity-follow-up-not-yet = لم يحن موعدها بعد: يُتاح النموذج في تاريخ الاستحقاق.
capacity-report-follow-up = الإبلاغ عن النتيجة
capacity-file = تقديم الطلب

capacity-field-areas = المجالات
capacity-field-description = الوصف
capacity-description-hint = ما تحتاج إليه، ولمن، وما المتوفر لديك بالفعل.
capacity-field-languages = اللغات
capacity-field-format = الشكل
capacity-field-needed-by = مطلوب بحلول
capacity-field-funding-needed = يلزم تمويل
capacity-field-visibility = مَن يرى الطلب
capacity-visibility-hint = الجهات المقدِّمة المحددة بالاسم: اخترها من القائمة أدناه.
capacity-field-providers = الجهات المقدِّمة المحددة بالاسم
capacity-field-outcome = النتيجة
capacity-field-what-changed = ما الذي تغيّر

capacity-area-strategy_policy = الاستراتيجيات والسياسات
capacity-area-incident_response = الاستجابة للحوادث وتطوير فرق CSIRT
capacity-area-critical_infrastructure = حماية البنية التحتية الحيوية
capacity-area-cybercrime = الجريمة السيبرانية والأدلة الإلكترونية
capacity-area-international_law = القانون الدولي والقواعد
capacity-area-technical_training = التدريب التقني
capacity-area-awareness = التوعية
capacity-area-standards = المعايير

capacity-format-training = تدريب
capacity-format-advisory_mission = بعثة استشارية
capacity-format-equipment = معدات
capacity-format-peer_review = استعراض الأقران

capacity-visibility-all_providers = جميع الجهات المقدِّمة
capacity-visibility-named_providers = الجهات المقدِّمة المحددة بالاسم فقط
capacity-visibility-anonymous = جميع الجهات المقدِّمة، دون ذكر اسم دولتنا إلى أن نختار عرضًا

capacity-status-filed = مقدَّم
capacity-status-acknowledged = أُقرّ باستلامه
capacity-status-selected = اختير عرض
capacity-status-matched = أُكّدت المطابقة
capacity-status-closed = مغلق
capacity-status-withdrawn = مسحوب

capacity-offer-status-open = مفتوح
capacity-offer-status-selected = مُختار
capacity-offer-status-not_selected = غير مُختار
capacity-offer-status-withdrawn = مسحوب

capacity-outcome-delivered = قُدّمت المساعدة
capacity-outcome-partly = قُدّمت المساعدة جزئيًا
capacity-outcome-not_delivered = لم تُقدَّم المساعدة

capacity-milestone-six_months = المتابعة بعد 6 أشهر
capacity-milestone-twelve_months = المتابعة بعد 12 شهرًا

capacity-step-acknowledge = الإقرار باستلام الطلب
capacity-step-select = اختيار هذا العرض
capacity-step-confirm = تأكيد المطابقة
capacity-step-withdraw = سحب الطلب

capacity-clock-acknowledgement = إقرار الأمانة بالاستلام
capacity-clock-running = جارية
capacity-clock-overdue = متأخرة
capacity-clock-met = احتُرمت
capacity-clock-late = احتُرمت متأخرة

capacity-error-required = هذا الحقل إلزامي.
capacity-error-too-long = النص طويل جدًا (4000 حرف كحد أقصى).
capacity-error-control-characters = يحتوي النص على محارف تحكم.
capacity-error-area = اختر مجالًا واحدًا على الأقل من القائمة.
capacity-error-language = اختر لغة واحدة على الأقل من لغات الأمم المتحدة الست.
capacity-error-format = اختر شكلًا من القائمة.
capacity-error-date = أدخل التاريخ بالصيغة YYYY-MM-DD.
capacity-error-date-past = يجب أن يكون التاريخ في المستقبل.
capacity-error-date-far = يجب أن يقع التاريخ في غضون خمس سنوات.
capacity-error-visibility = اختر مَن يرى الطلب.
capacity-error-providers = حدّد بالاسم جهة مقدِّمة مشاركة واحدة على الأقل غير دولتك.

capacity-refused-not-participating = لا يمكن القيام بذلك إلا من حسابات دولة مشاركة.
capacity-refused-closed = لم يعد الطلب يسمح بذلك: فهو مغلق أو مسحوب أو انتقل إلى مرحلة لاحقة.
capacity-refused-acknowledged = سبق الإقرار باستلام الطلب.
capacity-refused-selected = سبق اختيار عرض لهذا الطلب.
capacity-refused-not-selected = لم يُختر أي عرض ولم يؤكَّد بعد.
capacity-refused-offer = هذا العرض ليس مفتوحًا على هذا الطلب.
capacity-refused-own = لا يمكن لدولتك تقديم عرض على طلبها هي.
capacity-refused-offered = لدى دولتك بالفعل عرض مفتوح على هذا الطلب.
capacity-refused-not-due = لم يحن موعد هذه المتابعة بعد.
capacity-refused-reported = سبق الإبلاغ عن هذه المتابعة.

done-capacity-filed = قُدّم الطلب. تُقرّ الأمانة باستلامه في غضون 5 أيام عمل.
done-capacity-offered = قُدّم عرضك. ستقارن الدولة الطالبة بين العروض.
done-capacity-offer-withdrawn = سُحب عرضك.
done-capacity-selected = اختير العرض. ستؤكد الأمانة المطابقة.
done-capacity-withdrawn = سُحب الطلب.
done-capacity-acknowledged = أُقرّ باستلام الطلب.
done-capacity-confirmed = أُكّدت المطابقة. يحين موعد المتابعة بعد 6 أشهر و12 شهرًا من الاختيار.
done-capacity-followed-up = أُبلغ عن المتابعة.

values-log-capacity-request = قدّم { $actor } { $object }.
values-log-capacity-acknowledge = أقرّ { $actor } باستلام { $object }.
values-log-capacity-offer = عرض { $actor } المساعدة بشأن { $object }.
values-log-capacity-withdraw-offer = سحب { $actor } عرضًا بشأن { $object }.
values-log-capacity-select = اختار { $actor } عرضًا بشأن { $object }.
values-log-capacity-confirm = أكّد { $actor } المطابقة الخاصة بـ { $object }.
values-log-capacity-withdraw = سحب { $actor } { $object }.
values-log-capacity-follow-up = أبلغ { $actor } عن متابعة لـ { $object }.

# التمويل: التعهدات والالتزامات والمبالغ المصروفة من الجهات المانحة.
capacity-funding-title = التمويل
capacity-funding-lead = تتعهد الجهات المانحة بتقديم الأموال وتلتزم بها وتصرفها لصالح الطلبات أو لصالح مجال من مجالات بناء القدرات. ويبقى كل مبلغ بعملته؛ وتُحسب المجاميع لكل عملة على حدة.
capacity-no-funding = لم يُسجَّل أي تمويل.
capacity-col-donor = الجهة المانحة
capacity-col-funds = وجهة التمويل
capacity-col-stage = المرحلة
capacity-col-amount = المبلغ
capacity-col-when = التاريخ
capacity-col-currency = العملة
capacity-funding-totals = المجاميع حسب العملة
capacity-funding-pledge = مُتعهَّد به
capacity-funding-commitment = مُلتزَم به
capacity-funding-disbursement = مصروف
capacity-currency-hint = رمز وفق معيار ISO 4217، مثل EUR, USD, JPY.
capacity-amount-hint = عدد موجب لا تتجاوز منازله العشرية منازل العملة العشرية، مثل 25000.50.
capacity-fund-area = التعهد بتمويل مجال
capacity-fund = تسجيل التمويل
capacity-error-stage = اختر: مُتعهَّد به أو مُلتزَم به أو مصروف.
capacity-error-currency = أدخل رمز عملة وفق معيار ISO 4217، مثل EUR أو USD.
capacity-error-amount = أدخل مبلغًا موجبًا لا تتجاوز منازله العشرية منازل العملة العشرية.
capacity-refused-own-funding = لا يمكن لدولتك تمويل طلبها هي.
done-capacity-funded = سُجّل التمويل.
values-log-capacity-fund = سجّل { $actor } تمويلًا لـ { $object }.
values-log-capacity-assess = أجرى { $actor } التقييم الذاتي لجاهزية دولته.
capacity-help-requests = طلبات المساعدة والعروض
capacity-help-requests-text = تقدّم سلطة الترشيح أو جهة الاتصال الدبلوماسية في دولة مشاركة طلبًا يبيّن: المجالات، وما هو مطلوب، واللغات المفضلة، والشكل، والموعد المطلوب، وما إذا كان يلزم تمويل، ومَن يجوز له رؤية الطلب (جميع الجهات المقدِّمة، أو الجهات المقدِّمة المحددة بالاسم، أو جميع الجهات المقدِّمة دون ذكر اسم الدولة). وتُقرّ الأمانة باستلامه في غضون 5 أيام عمل. وتعرض الجهات المقدِّمة مساعدتها؛ فتقارن الدولة الطالبة بين العروض وتختار واحدًا منها، وتؤكد الأمانة المطابقة. وبعد ستة أشهر واثني عشر شهرًا من الاختيار، تُبلغ الدولة الطالبة عن النتيجة. وتظهر كل مهلة على الطلب: جارية، أو متأخرة، أو احتُرمت، أو احتُرمت متأخرة.
capacity-help-funding = التمويل
capacity-help-funding-text = تتعهد سلطة الترشيح أو جهة الاتصال الدبلوماسية في دولة ما بتقديم الأموال وتلتزم بها وتصرفها لصالح طلب يمكن لتلك الدولة الاطلاع عليه أو لصالح مجال بأكمله، بالعملة التي تختارها؛ وتُحسب المجاميع لكل عملة على حدة ولا تُحوَّل أبدًا. وترى الدولة الطالبة مَن يموّل طلبها.
capacity-help-readiness = الجاهزية وخطة العمل
capacity-help-readiness-text = تجيب الدولة عن ستة أسئلة (فريق CSIRT وطني، وإمكانية الوصول في أي ساعة، والقنوات الآمنة ومفاتيح OpenPGP، وجهات الاتصال بنوعيها الدبلوماسي والتقني، والرد على اختبارات الاتصال، وتدريب الموظفين) وتحصل على خطة عمل. وتصبح كل ثغرة طلبًا مُعدًّا مسبقًا بخطوة واحدة. وترى الأمانة المجاميع حسب المنطقة، ولا ترى إجابات دولة بعينها إلا إذا شاركتها تلك الدولة.
