# المعجم المشترك: مفاهيم أمن تكنولوجيا المعلومات والاتصالات بلغات الأمم المتحدة الست،
# واقتراحات الدول، وإدارة الأمانة للمعجم، وTBX وSKOS.

home-lexicon-link = المعجم المشترك: مصطلحات متفق عليها باللغات الست
lexicon-title = المعجم المشترك
lexicon-lead = مصطلحات أمن تكنولوجيا المعلومات والاتصالات المتفق عليها بين الدول، بلغات الأمم المتحدة الست، مع تعاريفها ومصادرها. اقترح مصطلحًا جديدًا أو تعديلًا؛ وتتولى الأمانة إدارة المعجم، ويُحفَظ كل تعديل بوصفه نسخة.
lexicon-search = البحث في المصطلحات
lexicon-search-hint = بأي لغة وبأي نظام كتابة؛ ولا يُفرَّق بين الأحرف الكبيرة والصغيرة، وتُهمَل علامات النبر وعلامات التشكيل.
lexicon-search-button = بحث
lexicon-all-domains = جميع المجالات
lexicon-found = { $count ->
    [zero] لم يُعثر على أي مفهوم
    [one] عُثر على مفهوم واحد
    [two] عُثر على مفهومين
    [few] عُثر على { $count } مفاهيم
    [many] عُثر على { $count } مفهومًا
   *[other] عُثر على { $count } مفهوم
}
lexicon-none = لا يوجد مفهوم مطابق. جرّب عددًا أقل من الكلمات، أو اقترح المصطلح.
lexicon-pages = صفحات النتائج
lexicon-previous = السابق
lexicon-next = التالي
lexicon-proposals-pending = { $count ->
    [0] الاقتراحات (لا يوجد اقتراح قيد الانتظار)
    [zero] الاقتراحات (لا يوجد اقتراح قيد الانتظار)
    [one] الاقتراحات (اقتراح واحد قيد الانتظار)
    [two] الاقتراحات (اقتراحان قيد الانتظار)
    [few] الاقتراحات ({ $count } اقتراحات قيد الانتظار)
    [many] الاقتراحات ({ $count } اقتراحًا قيد الانتظار)
   *[other] الاقتراحات ({ $count } اقتراح قيد الانتظار)
}
lexicon-propose-new = اقتراح مصطلح جديد
lexicon-propose-change = اقتراح تعديل
lexicon-export-title = تنزيل المعجم
lexicon-export-lead = المعجم كاملًا لأدوات إدارة المصطلحات وذاكرات الترجمة: يحتفظ TBX بكل شيء (ويُعاد استيراده دون أي تغيير)؛ أما SKOS فمخصص لأدوات البيانات المترابطة، ويحتفظ بالتسميات المفضَّلة والبديلة والمخفية.
lexicon-version = النسخة
lexicon-history-title = سجل التعديلات
lexicon-related = مفاهيم ذات صلة
lexicon-pending-here = ثمة تعديل على هذا المفهوم ينتظر نظر الأمانة:
lexicon-proposal = الاقتراح
lexicon-concept = المفهوم
lexicon-no-change = لا يوجد تعديل.
lexicon-change-domain = عُدِّل المجال:
lexicon-change-related-added = أُضيفت إحالة إلى { $id }.
lexicon-change-related-removed = حُذفت الإحالة إلى { $id }.
lexicon-change-language-added = أُضيفت اللغة: { $language }.
lexicon-change-language-removed = حُذفت اللغة: { $language }.
lexicon-change-definition = عُدِّل التعريف (اللغة: { $language }):
lexicon-change-source = عُدِّل المصدر (اللغة: { $language }):
lexicon-change-note = عُدِّلت الملاحظة (اللغة: { $language }):
lexicon-change-term-added = أُضيف مصطلح (اللغة: { $language }؛ الحالة: { $status }):
lexicon-change-term-removed = حُذف مصطلح (اللغة: { $language }):
lexicon-change-term-status = عُدِّلت حالة المصطلح «{ $term }» (اللغة: { $language }):
lexicon-form-lead = املأ خانات اللغات التي تعرفها، واترك غيرها فارغة. وينبغي وسم المصطلحات في اللغات التي لا توجد بها ترجمة رسمية بالحالة «مقترح». وتستعرض الأمانة كل اقتراح، ويجوز للدول الأخرى التعليق عليه.
lexicon-field-id = المعرِّف
lexicon-id-hint = أحرف لاتينية صغيرة وأرقام وشرطات، مثل ict-incident.
lexicon-field-domain = المجال
lexicon-field-related = مفاهيم ذات صلة
lexicon-related-hint = معرِّفاتها، مفصولة بفواصل.
lexicon-field-term = المصطلح
lexicon-field-terms = المصطلحات
lexicon-field-status = الحالة
lexicon-field-definition = التعريف
lexicon-field-source = المصدر
lexicon-field-note = ملاحظة
lexicon-field-rationale = مسوّغ الاقتراح
lexicon-field-lang = اللغة
lexicon-field-language = اللغات
lexicon-field-summary = ملخص التعديل
lexicon-field-body = التعليق
lexicon-submit-proposal = إرسال الاقتراح
lexicon-proposals-title = الاقتراحات
lexicon-pending = في انتظار الأمانة
lexicon-decided = اقتراحات بُتّ فيها
lexicon-no-pending = لا يوجد اقتراح قيد الانتظار.
lexicon-no-decided = لم يُبتّ في أي اقتراح بعد.
lexicon-new-concept = مفهوم جديد
lexicon-proposed-by = مقدَّم من
lexicon-by-secretariat = الأمانة
lexicon-based-on = أُعدّ استنادًا إلى النسخة
lexicon-what-changes = ما الذي يعدّله
lexicon-proposed-text = النص المقترح كاملًا
lexicon-decide = القرار
lexicon-decision-note = ملاحظة أو سبب
lexicon-decision-hint = إلزامي عند الرفض: سيطّلع عليه مقدِّم الاقتراح.
lexicon-accept = القبول بوصفه النسخة التالية
lexicon-reject = الرفض
lexicon-comments = التعليقات
lexicon-no-comments = لا توجد تعليقات بعد.
lexicon-add-comment = تعليقك
lexicon-comment-send = إضافة التعليق
lexicon-import-title = استيراد المصطلحات
lexicon-import-lead = ملف TBX (ISO 30042، TBX-Basic) أو ملف SKOS بصيغة JSON-LD. ويصبح كل مفهوم يختلف عمّا في المعجم نسخته التالية؛ والملف الذي يتضمن أي خطأ لا يغيّر شيئًا.
lexicon-import-format = الصيغة
lexicon-import-file = الملف
lexicon-import-send = استيراد
lexicon-import-refused = لم يُستورد أي شيء:
lexicon-import-malformed = تتعذّر قراءة الملف ({ $place }).
lexicon-object = المفهوم { $id } في المعجم
lexicon-object-all = المعجم المشترك
lexicon-status-proposed = مقترح
lexicon-status-preferred = مفضَّل
lexicon-status-admitted = مقبول
lexicon-status-deprecated = غير مستحسن
lexicon-status-obsolete = مهجور
lexicon-domain-threats = التهديدات
lexicon-domain-norms = قواعد السلوك المسؤول للدول
lexicon-domain-international_law = القانون الدولي
lexicon-domain-confidence_building = تدابير بناء الثقة
lexicon-domain-capacity_building = بناء القدرات
lexicon-domain-incident_response = الاستجابة للحوادث
lexicon-domain-technical = المصطلحات التقنية
lexicon-proposal-pending = قيد الانتظار
lexicon-proposal-accepted = مقبول
lexicon-proposal-rejected = مرفوض
lexicon-error-id = استخدم الأحرف اللاتينية الصغيرة والأرقام والشرطات فقط (64 على الأكثر).
lexicon-error-domain = اختر أحد المجالات.
lexicon-error-related = يجب أن تكون الإحالة معرِّف مفهوم آخر.
lexicon-error-language = هذه ليست إحدى لغات الأمم المتحدة الست.
lexicon-error-language-twice = هذه اللغة مذكورة مرتين.
lexicon-error-status = اختر: مقترح، أو مفضَّل، أو مقبول، أو غير مستحسن، أو مهجور.
lexicon-error-term-twice = المصطلح نفسه مذكور مرتين في هذه اللغة.
lexicon-error-no-term = أدخل مصطلحًا واحدًا على الأقل في هذه اللغة، أو اترك جميع خاناتها فارغة.
lexicon-error-no-language = أدخل مصطلحًا واحدًا على الأقل في لغة واحدة.
lexicon-error-too-long = النص طويل جدًا.
lexicon-error-too-many = العدد كبير جدًا.
lexicon-error-characters = لا يُسمح بأحرف التحكم ولا بالأقواس الزاوية.
lexicon-error-text = اكتب بضع كلمات (4000 حرف كحد أقصى).
lexicon-error-reason = اذكر سبب رفض الاقتراح: سيطّلع عليه مقدِّمه.
lexicon-error-decision = اختر القبول أو الرفض.
lexicon-error-format = اختر TBX أو Turtle أو JSON-LD.
lexicon-error-no-file = اختر ملفًا لاستيراده.
lexicon-error-base = لا تبيّن الاستمارة النسخة التي تعدّلها؛ افتحها من جديد انطلاقًا من صفحة المفهوم.
lexicon-concept-exists = يوجد مفهوم بهذا المعرِّف: اقترح بدلًا من ذلك تعديلًا عليه.
lexicon-concurrent = عُدِّل المفهوم منذ أن فتحته. افتحه من جديد للاطلاع على التعديل، ثم اقترح تعديلك.
lexicon-proposal-decided = سبق البتّ في هذا الاقتراح.
lexicon-proposal-stale = عُدِّل المفهوم بعد إعداد هذا الاقتراح: فلا يمكن قبوله بصيغته الحالية. ارفضه مع ملاحظة، أو اطلب من مقدِّمه أن يعيد تقديمه.
done-lexicon-proposed = أُرسل اقتراحك إلى الأمانة.
done-lexicon-commented = أُضيف تعليقك.
done-lexicon-accepted = قُبل الاقتراح، وأصبح النسخة الجديدة من المفهوم.
done-lexicon-rejected = رُفض الاقتراح؛ ويمكن لمقدِّمه الاطلاع على السبب الذي ذكرته.
done-lexicon-imported = استُورد الملف.
values-log-lexicon-change = حرّر { $actor } نسخة جديدة من { $object }.
values-log-lexicon-import = استورد { $actor } مصطلحات إلى { $object }.
values-log-lexicon-propose = اقترح { $actor } تعديلًا على { $object }.
values-log-lexicon-decide = بتّ { $actor } في اقتراح بشأن { $object }.
values-log-lexicon-comment = علّق { $actor } على اقتراح بشأن { $object }.
lexicon-help = المعجم المشترك
lexicon-help-text = ابحث عن مصطلح بأي من اللغات الست، دون اعتبار للأحرف الكبيرة والصغيرة أو لعلامات النبر. ويعرض كل مفهوم تعريفه ومصدره بكل لغة، وحالة كل مصطلح. ولاقتراح مصطلح جديد أو تعديل، قدّم الاقتراح من صفحة المفهوم؛ وتعلّق الدول الأخرى عليه، وتقبله الأمانة أو ترفضه مع ذكر السبب. ويصبح كل تعديل مقبول نسخةً جديدة، ويبيّن سجل التعديلات ما الذي تغيّر.
