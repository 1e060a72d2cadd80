# التعلّم الإلكتروني: الوحدات، والدروس، والاختبارات، وشهادات الإتمام.


learning-list-title = التعلّم الإلكتروني
learning-list-lead = وحدات قصيرة عن عمل الدليل، بلغتك. اقرأ الدروس، ثم اجتز الاختبار لتحصل على شهادة يمكن لأي شخص التحقق منها.
learning-none = لم تُنشر أي وحدة بعد.
learning-lessons-read = الدروس المقروءة:
learning-best-score = أفضل نتيجة:
learning-certificate-link = شهادتك
learning-version = الإصدار
learning-lessons = الدروس
learning-lesson = الدرس
learning-read = مقروء
learning-read-next = وضع علامة «مقروء» والانتقال إلى الدرس التالي
learning-read-last = وضع علامة «مقروء» والعودة إلى الوحدة
learning-quiz = الاختبار
learning-quiz-about = { $questions ->
    [zero] { $questions } سؤال.
    [one] سؤال واحد.
    [two] سؤالان.
    [few] { $questions } أسئلة.
    [many] { $questions } سؤالًا.
   *[other] { $questions } سؤال.
}
learning-quiz-minutes = { $minutes ->
    [zero] تُتاح لك { $minutes } دقيقة بمجرد أن تبدأ.
    [one] تُتاح لك دقيقة واحدة بمجرد أن تبدأ.
    [two] تُتاح لك دقيقتان بمجرد أن تبدأ.
    [few] تُتاح لك { $minutes } دقائق بمجرد أن تبدأ.
    [many] تُتاح لك { $minutes } دقيقة بمجرد أن تبدأ.
   *[other] تُتاح لك { $minutes } دقيقة بمجرد أن تبدأ.
}
learning-quiz-mastery = يلزم الحصول على { $percent } % من الإجابات الصحيحة للنجاح.
learning-quiz-start = بدء الاختبار
learning-quiz-continue = مواصلة الاختبار
learning-quiz-again = إعادة الاختبار
learning-quiz-submit = تقديم إجاباتي
learning-deadline = آخر موعد للإجابة:
learning-passed = لقد نجحت. شهادتك جاهزة.
learning-not-passed = لم تبلغ درجة النجاح المطلوبة هذه المرة. أعد قراءة الدروس ثم أعد الاختبار.
learning-score = النتيجة:
learning-mastery = درجة النجاح:
done-learning-graded = صُحِّحت إجاباتك.
done-learning-uploaded = نُشرت الوحدة بوصفها إصدارًا جديدًا.

learning-manage-title = إدارة الوحدات
learning-manage-lead = حمّل ملفات الوحدة معًا: module.toml، وملف Markdown واحد لكل درس ولغة، وملف اختبار واحد لكل لغة. يصبح كل تحميل إصدارًا جديدًا؛ وتبقى الإصدارات السابقة والشهادات التي صدرت بموجبها على حالها.
learning-upload-files = ملفات الوحدة
learning-upload-hint = مثال: module.toml، و01-roles.en.md، و01-roles.fr.md، وquiz.en.toml، وquiz.fr.toml. تُرفض شيفرة HTML الخام والصور والنصوص البرمجية.
learning-upload = تحميل
learning-upload-refused = لم تُنشر الوحدة. صحّح هذه المشكلات ثم أعد التحميل:
learning-upload-concurrent = نُشر إصدار آخر من هذه الوحدة في اللحظة نفسها. أعد التحميل لنشر إصدارك بعده.
learning-modules = الوحدات
learning-module = الوحدة
learning-languages = اللغات
learning-versions = الإصدارات

learning-problem-no-files = لم يُختر أي ملف.
learning-problem-too-large = الحجم كبير جدًا: 256 KiB كحد أقصى للملف الواحد، و2 MiB في المجموع، و200 ملف.
learning-problem-not-text = ليس نصًا بترميز UTF-8.
learning-problem-unknown-file = هذا الملف ليس جزءًا من وحدة: يجب أن يكون اسمه module.toml أو <lesson>.<language>.md أو quiz.<language>.toml.
learning-problem-duplicate-file = اختير هذا الملف مرتين.
learning-problem-no-manifest = الملف module.toml مفقود.
learning-problem-unreadable = تتعذر قراءة ملف TOML هذا.
learning-problem-format = يجب أن يكون التنسيق "pocdir-learning-module/1".
learning-problem-slug = يجب أن يتكون اسم الوحدة (slug) من 3 إلى 60 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة.
learning-problem-mastery = يجب أن تتراوح درجة النجاح بين 50 و100 %.
learning-problem-minutes = يجب أن تتراوح مدة الاختبار بين 5 و240 دقيقة.
learning-problem-lessons = يجب أن تكون الدروس من 1 إلى 20 اسمًا مختلفًا تتكون من أحرف لاتينية صغيرة أو أرقام أو شرطات.
learning-problem-answers = يجب أن تكون كل إجابة رقمَ أحد الخيارات (من 1 إلى 6)، لعدد من الأسئلة يتراوح بين 1 و50.
learning-problem-missing-file = هذا الملف مفقود: يجب أن تتضمن كل لغة جميع الدروس واختبارًا.
learning-problem-questions = يجب أن يتضمن الاختبار عنوانًا وعددًا من الأسئلة مساويًا لعدد الإجابات، ولكل سؤال من 2 إلى 6 خيارات، مع العدد نفسه من الخيارات في كل لغة.
learning-problem-no-reference = النص الإنجليزي مفقود: لكل وحدة نص إنجليزي.
learning-problem-html = لا يُسمح بشيفرة HTML الخام في الدرس.
learning-problem-image = لا يُسمح بالصور في الدرس.
learning-problem-link = لا يجوز أن تشير الروابط إلا إلى عناوين https أو http أو mailto.
learning-problem-heading = يبدأ الدرس بعنوانه، في سطر بالشكل "# العنوان".
learning-quiz-past-deadline = انتهى الوقت المخصص لهذه المحاولة. ابدأ الاختبار من جديد.
learning-quiz-incomplete = اختر إجابة واحدة لكل سؤال.
learning-quiz-already-graded = صُحِّحت هذه الإجابات من قبل.

certificate-title = شهادة إتمام
certificate-valid = هذه الشهادة أصلية: يتطابق توقيعها مع مفتاح هذه النسخة المثبَّتة.
certificate-forged = هذه الشهادة غير أصلية: لا يتطابق محتواها مع توقيعها.
certificate-unreadable = هذه ليست شهادة صادرة عن pocdir (الصق النص الكامل للشهادة).
certificate-unknown-key = لم تُوقَّع هذه الشهادة من قِبل هذه النسخة المثبَّتة.
certificate-certifies = تشهد هذه الشهادة بأن
certificate-passed = قد اجتاز بنجاح وحدة التعلّم الإلكتروني
certificate-date = التاريخ
certificate-issuer = جهة الإصدار
certificate-id = رقم الشهادة
certificate-key = مفتاح التوقيع
certificate-json = الشهادة في شكل نص
certificate-json-hint = احتفظ بهذا النص: يمكن لأي شخص التحقق منه في صفحة التحقق الخاصة بهذه النسخة المثبَّتة أو باستخدام الأمر أدناه.
certificate-verify-title = التحقق من شهادة
certificate-verify-lead = الصق نص شهادة للتحقق من أن هذه النسخة المثبَّتة هي التي أصدرتها ومن أنه لم يُغيَّر فيها شيء.
certificate-verify-paste = نص الشهادة
certificate-verify = تحقّق
certificate-verify-cli = دون متصفح:

values-log-learning-upload = نشر { $actor } إصدارًا من { $object }.
values-log-learning-grade = أجرى { $actor } اختبار { $object }.

learning-object = وحدة التعلّم الإلكتروني { $id }
home-learning-link = التعلّم الإلكتروني: وحدات قصيرة وشهادات
public-certificate-teaser = هل تلقيت شهادة تعلّم إلكتروني صادرة عن pocdir؟ يمكن لأي شخص التحقق من أنها أصلية.
learning-help = التعلّم الإلكتروني والشهادات
learning-help-text = تتضمن كل وحدة دروسًا قصيرة واختبارًا، باللغات الست. ضع علامة «مقروء» على الدروس، ثم افتح الاختبار: يجب الإجابة عنه مرة واحدة في غضون الوقت المخصص له. ويمنح بلوغ درجة النجاح في الوحدة شهادةً موقَّعة بمفتاح هذه النسخة المثبَّتة؛ ويمكن لأي شخص التحقق منها في صفحة التحقق العامة، ويمكن لمنظمتك استيراد ما أتممته من وحدات في شكل عبارات xAPI.
