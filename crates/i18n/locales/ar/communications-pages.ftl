# صفحات الاتصالات: البريد الوارد، والكتابة، والسلسلة، وإعادة التوجيه؛
# القائمة، والصفحات الرئيسية، والمساعدة. (الكلمات المشتركة في communications.ftl.)

nav-communications = الاتصالات
comm-page-unread-count = { $count ->
    [zero] لا اتصالات غير مقروءة
    [one] اتصال واحد غير مقروء
    [two] اتصالان غير مقروءين
    [few] { $count } اتصالات غير مقروءة
   *[other] { $count } اتصالًا غير مقروء
}

comm-page-inbox-title = الاتصالات
comm-page-metadata-only = ترى من أرسل ماذا إلى من، ومتى، وبأي وسم وحالة، لكن لا ترى المحتوى: فهو غير مرئي لمشغّل الدليل.
comm-page-compose = كتابة اتصال
comm-page-folders = المجلدات
comm-page-any = الكل
comm-page-filter-unread = غير المقروءة فقط
comm-page-filter-unacknowledged = غير المُقرّ باستلامها فقط
comm-page-filter-apply = عرض
comm-page-none = لا توجد اتصالات هنا.
comm-page-col-label = الوسم
comm-page-col-from = من
comm-page-col-sent = أُرسل في
comm-page-col-status = الحالة
comm-page-col-recipient = المستلم
comm-page-unread = غير مقروء
comm-page-number = الاتصال رقم { $id }
comm-page-older = اتصالات أقدم
comm-page-acknowledged-of = أقرّ { $count } من أصل { $total } بالاستلام

comm-page-field-kind = النوع
comm-page-field-urgency = درجة الاستعجال
comm-page-field-tlp = وسم TLP
comm-page-field-to = المستلمون
comm-page-field-text = النص الحر
comm-page-field-text-language = لغة النص الحر
comm-page-field-attachments = المرفقات

comm-page-compose-title = كتابة اتصال
comm-page-reply-title = الرد
comm-page-compose-intro = املأ ما تعرفه؛ تُعرض الحقول المنظمة لكل قارئ بلغته، ويُعرض النص الحر كما كتبته.
comm-page-not-sent = لم يُرسل شيء. صحّح الحقول أدناه وأعد الإرسال.
comm-page-urgency-hint = عاجل: يُنتظر الإقرار بالاستلام خلال ساعتين؛ ذو أولوية: خلال 24 ساعة؛ عادي: خلال 72 ساعة.
comm-page-address-states = إلى دول بأكملها، حسب الدور
comm-page-states = الدول المشاركة
comm-page-states-hint = (اضغط مع الاستمرار على Ctrl أو ⌘ لاختيار أكثر من دولة)
comm-page-roles = أي جهات الاتصال في هذه الدول:
comm-page-address-named = إلى جهات اتصال محددة بالاسم
comm-page-named-hint = جهات الاتصال في الدول المشاركة، مصنفة حسب الدولة. يتطلب TLP:RED جهات اتصال محددة بالاسم.
comm-page-local-time = التاريخ والوقت
comm-page-time-zone = المنطقة الزمنية
comm-page-text-language-hint = مثلًا: العربية (ar)
comm-page-attachments-hint = ملفات PDF أو PNG أو JPEG أو نص عادي؛ 5 ملفات كحد أقصى، 5 ميغابايت لكل ملف و10 ميغابايت إجمالًا.
comm-page-send = إرسال
comm-page-send-reply = إرسال الرد
comm-page-reply-recipients = يُرسل الرد إلى المرسِل وإلى كل مستلم للاتصال الذي ترد عليه.
comm-page-back-to-thread = العودة إلى الاتصال

comm-page-forward-title = إعادة التوجيه
comm-page-forward-intro = أعد توجيه المحتوى والملفات بوسم يُبقي الوسم الأصلي أو يشدّده، إلى مستلمين يسمح بهم هذا الوسم.
comm-page-forward-send = إعادة التوجيه
comm-page-forward-refused = لم تتم إعادة التوجيه: الوسم لا يسمح بذلك. سُجّل الرفض في السجل.

comm-page-thread-title = الاتصال
comm-page-back-to-inbox = العودة إلى الاتصالات
comm-page-amber-reminder = TLP:AMBER: خارج pocdir، لا تشارك هذا إلا مع من تخدمهم دولتك، وعلى أساس الحاجة إلى المعرفة فقط.
comm-page-ack-by = يُنتظر الإقرار بالاستلام قبل
comm-page-forwarded-from = يعيد توجيه
comm-page-my-status = حالتك
comm-page-text-as-written = النص الحر كما كُتب (باللغة: { $language }):
comm-page-escalated = لم تُقرّ أي جهة اتصال تقنية بالاستلام في الوقت المحدد؛ نُبّهت جهات الاتصال الدبلوماسية في هذه الدول:
comm-page-recipients = { $count ->
    [one] مستلم واحد
    [two] مستلمان
    [few] { $count } مستلمين
   *[other] { $count } مستلمًا
}
comm-page-acknowledge = الإقرار بالاستلام
comm-page-reply = الرد
comm-page-forward = إعادة التوجيه
comm-page-zoned-time = { $time } ({ $zone })
comm-page-size-kb = { $size } كيلوبايت
comm-page-size-mb = { $size } ميغابايت

comm-page-home-metadata = من أرسل ماذا إلى من، والحالات (دون المحتوى)
comm-page-home-unread = { $count ->
    [one] اتصال غير مقروء
    [two] اتصالان غير مقروءين
    [few] اتصالات غير مقروءة
   *[other] اتصالًا غير مقروء
}

done-communication-sent = أُرسل الاتصال إلى جميع المستلمين.
done-communication-replied = أُرسل ردك.
done-communication-forwarded = أُعيد توجيه الاتصال.
done-communication-acknowledged = تم الإقرار بالاستلام: يراه المرسِل.

help-task-communications = قراءة اتصالاتك
help-task-communications-text = يُظهر بند «الاتصالات» في القائمة عدد ما لم تفتحه بعد. يسرد البريد الوارد ما تلقيته، الأحدث أولًا؛ و«المرسلة» ما أرسلته؛ و«اتصالات دولتي» كل ما أُرسل إلى دولتك أو منها. صفِّ حسب النوع أو درجة الاستعجال أو الوسم أو غير المقروء أو غير المُقرّ باستلامه.
help-task-communications-send = إرسال اتصال
help-task-communications-send-text = اختر النوع ودرجة الاستعجال ووسم TLP، ثم المستلمين: دولًا مشاركة بأكملها (جهات الاتصال الدبلوماسية أو التقنية أو كلتيهما)، أو جهات اتصال محددة بالاسم. لا تُرسل معلومات TLP:RED إلا إلى جهات اتصال محددة بالاسم. لا يوجد حقل للإسناد: الدليل ليس أداة لتحديد الإسناد.
help-task-communications-read = القراءة والإقرار بالاستلام
help-task-communications-read-text = تعرض كل رسالة وسم TLP الخاص بها أولًا، مع ما يسمح به. أقرّ بالاستلام بمجرد اطلاعك: إذا لم تُقرّ أي جهة اتصال تقنية في دولتك بالاستلام قبل الموعد، تُنبَّه جهات الاتصال الدبلوماسية في دولتك.
help-task-communications-reply = الرد
help-task-communications-reply-text = يُرسل الرد إلى المرسِل وإلى كل مستلم للرسالة التي ترد عليها، في السلسلة نفسها.
help-task-communications-forward = إعادة التوجيه
help-task-communications-forward-text = يجوز لإعادة التوجيه أن تُبقي الوسم أو تشدّده، لا أن تخففه، وألا تصل إلا إلى من يسمح بهم الوسم. لا يُعاد توجيه معلومات TLP:RED أبدًا. تُسجَّل إعادة التوجيه المرفوضة في السجل.
help-task-communications-metadata = الاتصالات بين جهات الاتصال
help-task-communications-metadata-text = تُظهر قائمة جميع الاتصالات من أرسل أي نوع من الاتصالات إلى من، ومتى، وبأي وسم، وحالة كل مستلم، وأي تصعيد. المحتوى غير مرئي للمشغّل ما لم تكن أنت المستلم.
