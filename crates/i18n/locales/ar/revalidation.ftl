## Messages for re-validation reminders and overdue notices.

revalidation-mail-reminder-subject = يلزم إعادة التأكيد قبل { $due }: { $poc }، { $state }
revalidation-mail-reminder-body =
    تحية طيبة،

    أُكِّدت بيانات { $poc } ({ $role })، جهة الاتصال التابعة لـ { $state }، آخر مرة في { $confirmed }. ويجب تأكيدها من جديد قبل { $due }، حتى تتمكن الدول الأخرى من الاعتماد عليها.

    إذا كانت البيانات لا تزال صحيحة، فيُرجى تأكيدها في صفحة إعادة التأكيد. وإذا تغيرت، فيُرجى اقتراح تحديث لها؛ وإذا لم يعد الشخص يشغل هذه المهمة، فيُرجى سحبه.

    صفحة إعادة التأكيد: { $link }
    جهة الاتصال: { $poc_link }
revalidation-mail-overdue-subject = تأخرت إعادة التأكيد منذ { $due }: { $poc }، { $state }
revalidation-mail-overdue-body =
    تحية طيبة،

    كان من المقرر إعادة تأكيد بيانات { $poc } ({ $role })، جهة الاتصال التابعة لـ { $state }، في { $due }، ولم تُؤكَّد منذ { $confirmed }. وهي مُعلَّمة في الدليل بوصفها متأخرة إلى أن تُؤكَّد.

    يُرجى من سلطة التسمية في الدولة تأكيدها أو تحديثها أو سحبها. وتتلقى الأمانة هذا الإشعار أيضًا.

    صفحة إعادة التأكيد: { $link }
    جهة الاتصال: { $poc_link }
revalidation-mail-signature = pocdir، دليل جهات الاتصال. أُرسلت هذه الرسالة تلقائيًا؛ يُرجى عدم الرد عليها.

nav-outbox = البريد الصادر
outbox-title = صندوق البريد الصادر
outbox-intro = تنتظر هنا تذكيرات إعادة التأكيد وإشعارات التأخر إلى أن يتسلمها خادم البريد. تُعاد محاولة الإرسال الفاشل لاحقًا مع انتظار أطول في كل مرة؛ والرسالة التي يستمر فشلها بعد محاولات عديدة يُتخلّى عنها وتُعرض هنا مع آخر خطأ.
outbox-count-queued = { $count ->
    [zero] لا توجد رسائل بانتظار الإرسال.
    [one] رسالة واحدة بانتظار الإرسال.
    [two] رسالتان بانتظار الإرسال.
    [few] { $count } رسائل بانتظار الإرسال.
   *[other] { $count } رسالة بانتظار الإرسال.
}
outbox-count-sent = { $count ->
    [zero] لم تُرسل أي رسالة.
    [one] أُرسلت رسالة واحدة.
    [two] أُرسلت رسالتان.
    [few] أُرسلت { $count } رسائل.
   *[other] أُرسلت { $count } رسالة.
}
outbox-count-failed = { $count ->
    [zero] لم يُتخلَّ عن أي رسالة.
    [one] تُخلّي عن رسالة واحدة.
    [two] تُخلّي عن رسالتين.
    [few] تُخلّي عن { $count } رسائل.
   *[other] تُخلّي عن { $count } رسالة.
}
outbox-empty = لم توضع أي رسالة في الانتظار بعد.
outbox-col-status = الحالة
outbox-col-recipient = المستلم
outbox-col-subject = الموضوع
outbox-col-attempts = المحاولات الفاشلة
outbox-col-created = وُضعت في الانتظار
outbox-col-when = أُرسلت، أو المحاولة التالية
outbox-status-queued = بالانتظار
outbox-status-sent = أُرسلت
outbox-status-failed = تُخلّي عنها
