# مكتبة أفضل الممارسات: وثائق تنشرها الدول والأمانة بعضها لبعض،
# مع وسم TLP واللغات والمجالات والملخصات.

home-library-link = مكتبة أفضل الممارسات: استراتيجيات وسياسات وأدلة إجرائية ودروس مستفادة تتبادلها الدول
library-title = مكتبة أفضل الممارسات
library-lead = استراتيجيات وطنية وسياسات وأدلة إجرائية للاستجابة للحوادث ودروس مستفادة من التمارين تتبادلها الدول والأمانة فيما بينها. وتحمل كل وثيقة وسم TLP يبيّن من يجوز له الاطلاع عليها؛ ويُسجَّل تنزيل أي وثيقة تخص دولة أخرى في السجل، الذي يمكن لتلك الدولة الاطلاع عليه.
library-publish-new = نشر وثيقة
library-search = البحث في الوثائق
library-search-hint = كلمات من العنوان أو من أحد الملخصات، بأي لغة وبأي نظام كتابة؛ ولا يُفرَّق بين الأحرف الكبيرة والصغيرة، وتُهمَل علامات النبر وعلامات التشكيل.
library-search-button = بحث
library-any = الكل
library-show-withdrawn = عرض الوثائق المسحوبة بدلًا من ذلك
library-found = { $count ->
    [zero] لم يُعثر على أي وثيقة
    [one] عُثر على وثيقة واحدة
    [two] عُثر على وثيقتين
    [few] عُثر على { $count } وثائق
    [many] عُثر على { $count } وثيقة
   *[other] عُثر على { $count } وثيقة
}
library-none = لا توجد وثيقة مطابقة. جرّب عددًا أقل من الكلمات أو من عوامل التصفية.
library-pages = صفحات النتائج
library-previous = السابق
library-next = التالي
library-withdrawn = مسحوبة
library-withdrawn-on = سُحبت في
library-published = تاريخ النشر
library-publisher-secretariat = الأمانة
library-summaries = الملخصات
library-summaries-hint = يلزم تقديم ملخص بكل لغة كُتبت بها الوثيقة؛ وتساعد الملخصات بلغات الأمم المتحدة الأخرى القراء على تقرير ما إذا كانوا سيُنزّلونها.
library-file = الوثيقة
library-download = تنزيل
library-file-size = { $kib } KiB
library-download-logged = سيُسجَّل تنزيلك في السجل المحمي من العبث، الذي يمكن للدولة الناشرة الاطلاع عليه.
library-withdraw-title = سحب هذه الوثيقة
library-withdraw = سحب الوثيقة
library-new-title = نشر وثيقة
library-new-intro = شارك وثيقة مع الدول الأخرى. اختر وسم TLP الخاص بها بعناية: فهو الذي يحدد من يطّلع على الوثيقة.
library-field-title = العنوان
library-field-kind = نوع الوثيقة
library-field-tlp = وسم TLP
library-tlp-hint = TLP:CLEAR وTLP:GREEN: جميع الدول والمنظمات المشاركة. TLP:AMBER: الدول المشاركة فقط. TLP:AMBER+STRICT: حسابات دولتك والأمانة. TLP:RED مخصص لمستلمين محددين بالاسم: أرسل رسالة بدلًا من ذلك.
library-field-languages = لغات الوثيقة
library-field-areas = المجالات
library-field-publisher = الجهة الناشرة
library-field-summary-in = الملخص (اللغة: { $language })
library-field-file = الملف
library-file-hint = PDF, PNG, JPEG أو نص عادي، 5 MiB كحد أقصى.
library-field-reason = سبب السحب
library-publish = نشر
library-kind-national_strategy = استراتيجية وطنية
library-kind-policy = سياسة أو لائحة تنظيمية
library-kind-playbook = دليل إجرائي للاستجابة للحوادث
library-kind-exercise_lessons = دروس مستفادة من تمرين
library-kind-guidance = توجيهات أو ممارسات جيدة
library-error-title = أدخل عنوانًا من 3 إلى 200 حرف، في سطر واحد.
library-error-file = اختر الملف المراد نشره.
library-error-kind = اختر نوع الوثيقة.
library-error-tlp = اختر وسم TLP.
library-error-tlp-red = وسم TLP:RED مخصص لمستلمين محددين بالاسم، ولا يُستخدم أبدًا في مكتبة: أرسل رسالة بدلًا من ذلك، أو اختر وسمًا آخر.
library-error-languages = اختر لغات الأمم المتحدة التي كُتبت بها الوثيقة.
library-error-areas = اختر مجالًا واحدًا على الأقل من القائمة.
library-error-summary = يجب أن يكون الملخص بإحدى لغات الأمم المتحدة الست وألا يتجاوز 2000 حرف.
library-error-summary-missing = الوثيقة مكتوبة بهذه اللغة: قدّم ملخصًا بها.
library-error-reason = اذكر السبب في 1000 حرف على الأكثر.
library-refused-withdrawn = سُحبت الوثيقة بالفعل.
library-refused-not-participating = لا تشارك دولتك في الدليل (حتى الآن)، ولذلك لا يمكنها النشر.
library-refused-not-a-state = لا ينشر في المكتبة إلا الدول والأمانة.
library-refused-not-publisher = لا يجوز سحب الوثيقة إلا للدولة الناشرة وللأمانة.
library-object = الوثيقة { $id } في المكتبة
done-library-published = نُشرت الوثيقة.
done-library-withdrawn = سُحبت الوثيقة؛ ولم يعد قراؤها يرونها.
values-log-library-publish = نشر { $actor } { $object }.
values-log-library-withdraw = سحب { $actor } { $object }.
values-log-library-download = نزّل { $actor } { $object }.
library-help = مكتبة أفضل الممارسات
library-help-text = تنشر الدول والأمانة وثائق بعضها لبعض، ولكل وثيقة وسم TLP (CLEAR وGREEN: جميع المشاركين؛ AMBER: الدول المشاركة؛ AMBER+STRICT: حسابات الجهة الناشرة وحدها)، واللغات التي كُتبت بها، ومجالاتها، وملخص بكل لغة من تلك اللغات. ابحث بكلمات من العنوان أو من أحد الملخصات، وصفِّ النتائج حسب المجال أو اللغة أو النوع أو الجهة الناشرة. ويُسجَّل تنزيل أي وثيقة تخص دولة أخرى في السجل، الذي تطّلع عليه تلك الدولة. ويمكن للجهة الناشرة أو للأمانة سحب الوثيقة مع ذكر السبب.
