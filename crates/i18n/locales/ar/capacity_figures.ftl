# أرقام بناء القدرات (صفحة الأمانة وملفات التصدير).

capacity-figures-title = أرقام بناء القدرات
capacity-figures-lead = وضع الطلبات حسب المجال وحسب منطقة الدولة الطالبة؛ والمدة التي استغرقها تقديم العروض والإقرار بالاستلام؛ والمطابقات ونتائج المتابعة والتمويل. تُعرض الأيام على النحو التالي: الوسيط / المئين التسعون.
capacity-figures-link = الأرقام
capacity-figures-requests = الطلبات
capacity-figures-matches = المطابقات المؤكَّدة
capacity-figures-awaiting = عروض مُختارة في انتظار التأكيد
capacity-figures-first-offer = عدد الأيام حتى أول عرض
capacity-figures-acknowledgement = عدد الأيام حتى الإقرار بالاستلام
capacity-figures-without-offer = { $count ->
    [zero] لا يوجد أي طلب مفتوح لم يتلقَّ عرضًا بعد
    [one] طلب مفتوح واحد لم يتلقَّ أي عرض بعد
    [two] طلبان مفتوحان لم يتلقَّيا أي عرض بعد
    [few] { $count } طلبات مفتوحة لم تتلقَّ أي عرض بعد
    [many] { $count } طلبًا مفتوحًا لم تتلقَّ أي عرض بعد
   *[other] { $count } طلب مفتوح لم تتلقَّ أي عرض بعد
}
capacity-figures-in-time = { $count ->
    [zero] لم يُقَرّ باستلام أي طلب في غضون 5 أيام عمل
    [one] أُقرّ باستلام طلب واحد في غضون 5 أيام عمل
    [two] أُقرّ باستلام طلبين في غضون 5 أيام عمل
    [few] أُقرّ باستلام { $count } طلبات في غضون 5 أيام عمل
    [many] أُقرّ باستلام { $count } طلبًا في غضون 5 أيام عمل
   *[other] أُقرّ باستلام { $count } طلب في غضون 5 أيام عمل
}
capacity-figures-by-area = الطلبات حسب المجال
capacity-figures-by-region = الطلبات حسب المنطقة
capacity-figures-total = الكل
capacity-figures-open = مفتوح
capacity-figures-outcomes = نتائج المتابعة
capacity-figures-no-outcomes = لم يُبلَّغ عن أي متابعة بعد.
capacity-figures-funding = التمويل حسب العملة
capacity-figures-no-funding = لم يُسجَّل أي تمويل بعد.
