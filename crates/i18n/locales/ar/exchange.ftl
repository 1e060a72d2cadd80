## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = تصدير هذه النتائج:
export-tlp-notice = TLP:AMBER+STRICT — لا يُتداول إلا داخل منظمتكم. يُسجَّل كل تصدير بوصفه اطلاعًا على كل مُدخل يتضمنه.

exchange-error-format = اختر صيغة التصدير: csv أو json أو vcard.
exchange-error-import-format = اختر صيغة الاستيراد: csv أو json.
exchange-error-mode = اختر طريقة الاستيراد: dry_run أو commit أو accept_valid.
exchange-error-too-large = الملف كبير جدًا: الحد الأقصى { $max_mib } ميبيبايت.
exchange-error-too-many-rows = عدد صفوف الملف كبير جدًا: الحد الأقصى { $max_rows }.
exchange-error-not-text = الملف ليس نصًا بترميز UTF-8.
exchange-error-empty = لا يحتوي الملف على أي صف.
exchange-error-malformed = تتعذّر قراءة الملف بالصيغة المختارة.
exchange-error-missing-column = عمود إلزامي مفقود: { $column }.
exchange-error-unknown-column = عمود غير معروف: { $column }.
exchange-error-participant = ليس رمز مشارك (مثل PAK أو FRA).
exchange-error-unknown-participant = لا يوجد مشارك بهذا الرمز.
exchange-error-participant-gone = حُذف أحد المشاركين أثناء الاستيراد. لم يُستورد شيء؛ يُرجى التحقق من الملف مرة أخرى.
exchange-error-cell-count = لا يحتوي هذا الصف على عدد الخلايا نفسه الموجود في صف العناوين.
exchange-error-not-an-object = يجب أن يكون كل سجل كائنًا ذا حقول مسمّاة.
exchange-error-unknown-field = حقل غير معروف.
exchange-error-expected-text = يُتوقع نص هنا.
exchange-error-expected-list = تُتوقع قائمة هنا.
exchange-error-expected-phone = يُتوقع هنا رقم هاتف مع وجه استخدامه.
exchange-error-bad-rows = في بعض الصفوف مشكلات، ولذلك لم يُستورد شيء. صحّحها أو استورد الصفوف الصالحة فقط.
exchange-error-nothing-valid = لا يوجد أي صف صالح، ولذلك لم يُستورد شيء.
exchange-error-no-file = اختر ملفًا لاستيراده.

import-link = استيراد الترشيحات من ملف
import-title = استيراد الترشيحات
import-intro = تحقّق أولًا من ملف CSV أو JSON: تُعرض كل مشكلة في كل صف، ولا يُكتب شيء. ثم استورد جميع الصفوف أو الصفوف الصالحة فقط. تنتظر الترشيحات المستوردة التحقق منها في قائمة الانتظار.
import-columns = الأعمدة (عناصر القوائم مفصولة بـ «;»، والهواتف بصيغة «+E164 الاستخدام»):
import-upload = الملف المراد التحقق منه
import-file = ملف CSV أو JSON
import-format = الصيغة
import-format-auto = بحسب اسم الملف
import-check = تحقّق من الملف
import-report = نتيجة التحقق
import-rows = { $count ->
    [zero] لم يُقرأ أي صف
    [one] قُرئ صف واحد
    [two] قُرئ صفان
    [few] قُرئت { $count } صفوف
    [many] قُرئ { $count } صفًا
   *[other] قُرئ { $count } صف
}
import-valid-rows = { $count ->
    [zero] لا صفوف صالحة
    [one] صف واحد صالح
    [two] صفان صالحان
    [few] { $count } صفوف صالحة
    [many] { $count } صفًا صالحًا
   *[other] { $count } صف صالح
}
import-bad-rows = { $count ->
    [zero] لا صفوف فيها مشكلات
    [one] صف واحد فيه مشكلات
    [two] صفان فيهما مشكلات
    [few] { $count } صفوف فيها مشكلات
    [many] { $count } صفًا فيها مشكلات
   *[other] { $count } صف فيها مشكلات
}
import-col-row = الصف
import-col-field = الحقل
import-col-message = المشكلة
import-commit = { $count ->
    [zero] لا ترشيحات للاستيراد
    [one] استيراد ترشيح واحد
    [two] استيراد ترشيحين
    [few] استيراد { $count } ترشيحات
    [many] استيراد { $count } ترشيحًا
   *[other] استيراد { $count } ترشيح
}
import-accept-valid = { $count ->
    [zero] لا صفوف صالحة للاستيراد
    [one] استيراد الصف الصالح الوحيد فقط
    [two] استيراد الصفين الصالحين فقط
    [few] استيراد الصفوف الصالحة الـ { $count } فقط
    [many] استيراد الـ { $count } صفًا الصالحة فقط
   *[other] استيراد الـ { $count } صف الصالحة فقط
}
import-accept-valid-hint = تُستبعد الصفوف التي فيها مشكلات ولا تُستورد.
import-done = { $count ->
    [zero] لم يُستورد أي ترشيح.
    [one] استُورد ترشيح واحد، وهو ينتظر التحقق.
    [two] استُورد ترشيحان، وهما ينتظران التحقق.
    [few] استُوردت { $count } ترشيحات، وهي تنتظر التحقق.
    [many] استُورد { $count } ترشيحًا، وهي تنتظر التحقق.
   *[other] استُورد { $count } ترشيح، وهي تنتظر التحقق.
}
