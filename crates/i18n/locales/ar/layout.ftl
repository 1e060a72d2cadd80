# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = دليل جهات الاتصال
nav-main = القائمة الرئيسية
directory-per-page = عدد الصفوف في الصفحة
directory-sorted-by = الترتيب حسب هذا العمود
directory-error-sort = لا يمكن ترتيب الجدول حسب هذا العمود.
directory-error-per-page = اختر عددًا من الصفوف في الصفحة بين 1 و200.
recovery-download = التنزيل كملف نصي
recovery-print-hint = للاحتفاظ بها على الورق، اطبع هذه الصفحة: لن يُطبع منها إلا الرموز.
recovery-file-heading = رموز الاسترداد في pocdir للحساب { $email }
recovery-file-note = يتيح لك كل رمز تسجيل الدخول مرة واحدة إذا فقدت تطبيق المصادقة. احتفظ بهذا الملف في مكان آمن بمعزل عن جهازك.
recovery-error-codes = هذه ليست رموز الاسترداد التي عرضتها هذه الصفحة.
