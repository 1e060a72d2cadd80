# نماذج تساعد المستخدم: الحقول الإلزامية، والأخطاء بكلمات بسيطة، وخطوات
# التأكيد مع ذكر السبب، ومراجعة التغيير، ورسائل التأكيد، ونموذج الاستيراد.

forms-required = (إلزامي)
forms-required-intro = يجب ملء الحقول الموسومة بكلمة «إلزامي».
forms-error-summary = { $count ->
    [one] حقل واحد يحتاج إلى انتباهك:
    [two] حقلان يحتاجان إلى انتباهك:
   *[other] { $count } حقول تحتاج إلى انتباهك:
}
forms-cancel = إلغاء
forms-error-role = اختر ما إذا كانت هذه جهة الاتصال الدبلوماسية أم التقنية.
forms-error-phone = اكتب الرقم بالصيغة الدولية: علامة الجمع، ثم رمز البلد، ثم الرقم، مثل +971 2 123 4567.
forms-error-phone-use = اختر استخدام الرقم: المكتب أو الهاتف المحمول أو على مدار الساعة.
forms-error-language = لم يتم التعرف على هذه اللغة. اكتب رمزها المختصر، مثل «ar» للعربية أو «fr» للفرنسية.
forms-error-time-zone = لم يتم التعرف على هذه المنطقة الزمنية. اكتب منطقة ومدينة، مثل «Asia/Riyadh» أو «Africa/Cairo».
forms-error-withdraw-reason = اذكر سبب سحب جهة الاتصال هذه؛ وستطّلع عليه الأمانة.
forms-error-reason-too-long = السبب طويل جدًا: 1000 حرف على الأكثر.

forms-pending-create = ترشيح جديد
forms-new-entry-heading = قيد جديد (ترشيح أول)
forms-diff-heading = التغيير المقترح، حقلًا حقلًا
forms-diff-intro = كل حقل من القيد الحالي بجانب المقترح، موسومًا بالكلمات: دون تغيير، أو مضاف، أو محذوف، أو معدَّل.
forms-diff-field = الحقل
forms-diff-change = التغيير
forms-diff-current = القيد الحالي
forms-diff-proposed = المقترح
forms-diff-empty = (فارغ)
diff-unchanged = دون تغيير
diff-added = مضاف
diff-removed = محذوف
diff-changed = معدَّل
forms-withdrawal-reason-shown = السبب المذكور للسحب:

forms-approve-create = الموافقة على الترشيح
forms-approve-update = الموافقة على التغيير
forms-approve-withdraw = الموافقة على السحب
forms-reject-create = رفض الترشيح
forms-reject-update = رفض التغيير
forms-reject-withdraw = رفض السحب
forms-reject-needs-reason = يتطلب الرفض ذكر سبب، وستطّلع عليه جهة الترشيح.
forms-reject-intro-create = سيُرفض الترشيح ولن يظهر في الدليل. وستطّلع جهة الترشيح على السبب الذي تذكره.
forms-reject-intro-update = سيُرفض التغيير ويبقى القيد الحالي كما هو. وستطّلع جهة الترشيح على السبب الذي تذكره.
forms-reject-intro-withdraw = سيُرفض السحب وتبقى جهة الاتصال في الدليل. وستطّلع جهة الترشيح على السبب الذي تذكره.
forms-reject-reason = سبب الرفض
forms-reject-reason-hint = في جملة أو جملتين: ما الخطأ، وما الذي يجعله مقبولًا.
forms-withdraw-heading = سحب
forms-withdraw-intro-nomination = لم يتم التحقق من هذا الترشيح بعد: يُسحب فورًا ولن تراجعه الأمانة.
forms-withdraw-intro-active = تبقى جهة الاتصال في الدليل إلى أن توافق الأمانة على السحب.
forms-withdraw-reason = سبب السحب
forms-withdraw-reason-hint = مثلًا: ترك المنصب، أو حلّ محله شخص آخر. يُحفظ السبب في السجل مع السحب.
forms-withdraw-button-nomination = سحب الترشيح
forms-withdraw-button-active = طلب السحب

done-nominated = أُرسل الترشيح. تتحقق منه الأمانة قبل أن يظهر في الدليل.
done-nomination-amended = حُدِّث الترشيح. وما زال بانتظار التحقق.
done-change-proposed = أُرسل التغيير للتحقق. وإلى ذلك الحين يعرض الدليل القيد الحالي.
done-confirmed = تم التأكيد: البيانات ما زالت صحيحة. وتأجل الموعد التالي لإعادة التحقق.
done-withdrawal-requested = أُرسل طلب السحب للتحقق. وإلى ذلك الحين تبقى جهة الاتصال في الدليل.
done-nomination-withdrawn = سُحب الترشيح.
done-approved-create = تمت الموافقة على الترشيح: أصبحت جهة الاتصال في الدليل.
done-approved-update = تمت الموافقة على التغيير: يعرض الدليل الآن البيانات الجديدة.
done-approved-withdraw = تمت الموافقة على السحب: لم تعد جهة الاتصال في الدليل.
done-decided = سُجّل القرار.
done-rejected = تم الرفض. وستطّلع جهة الترشيح على السبب الذي ذكرته.
done-imported = استُوردت الترشيحات. وهي بانتظار التحقق أدناه.

forms-import-template-link = تنزيل نموذج الاستيراد (CSV)
forms-import-template-hint = بترميز UTF-8، وأسماء الأعمدة في السطر الأول، وصف مثال واحد يُستبدل ببياناتك. تُفصل عناصر القائمة داخل الخلية بالرمز «;».
forms-import-columns-heading = ما يحتويه كل عمود
forms-import-col-column = العمود
forms-import-col-what = ما يُكتب فيه
forms-import-col-example = مثال
forms-import-col-participant = رمز الدولة المكوّن من ثلاثة أحرف، مثل PAK لباكستان أو EGY لمصر.
forms-import-col-role = «diplomatic» (دبلوماسية) أو «technical» (تقنية).
forms-import-col-name = الاسم الكامل للشخص.
forms-import-col-title = اختياري. المسمى الوظيفي.
forms-import-col-organisation = الوزارة أو الوكالة أو فريق الاستجابة للحوادث الذي يعمل فيه.
forms-import-col-emails = عنوان بريد إلكتروني واحد أو أكثر، تفصل بينها «;».
forms-import-col-phones = اختياري. كل رقم بالصيغة الدولية (علامة الجمع ورمز البلد) يليه استخدامه: office أو mobile أو 24x7؛ وتفصل بين الأرقام «;».
forms-import-col-secure-channels = اختياري. وسائل آمنة أخرى للتواصل معه، تفصل بينها «;».
forms-import-col-languages = لغات العمل برموزها المختصرة، تفصل بينها «;»، مثل ar;en.
forms-import-col-time-zone = منطقته الزمنية في صورة منطقة ومدينة، مثل Asia/Karachi.
forms-import-col-hours = ساعات العمل في تلك المنطقة الزمنية، مثل Mon-Fri 09:00-17:00، أو 24/7.
forms-import-col-notes = اختياري. أي معلومات أخرى تساعد على التواصل معه.
forms-import-col-openpgp-key = اختياري. مفتاحه العام OpenPGP كاملًا، في خلية واحدة.
