import type { ErrorCode } from "#shared/errors.ts";
import type { Language } from "#shared/languages.ts";

/** Error messages in the six languages; clients branch on the code, people read these. */
const ERROR_MESSAGES: Record<ErrorCode, Record<Language, string>> = {
  validation_failed: {
    ar: "البيانات المرسلة غير صالحة؛ راجع الحقول المذكورة.",
    zh: "提交的数据无效，请检查所列字段。",
    en: "The request is not valid; see the fields listed.",
    fr: "La requête n'est pas valide ; voir les champs indiqués.",
    ru: "Запрос содержит ошибки; см. перечисленные поля.",
    es: "La solicitud no es válida; vea los campos indicados.",
  },
  unauthenticated: {
    ar: "يلزم تسجيل الدخول.",
    zh: "需要登录。",
    en: "You need to sign in.",
    fr: "Vous devez vous connecter.",
    ru: "Необходимо войти в систему.",
    es: "Debe iniciar sesión.",
  },
  forbidden: {
    ar: "ليس لديك إذن للقيام بذلك.",
    zh: "您无权执行此操作。",
    en: "You are not allowed to do this.",
    fr: "Vous n'êtes pas autorisé à effectuer cette action.",
    ru: "У вас нет прав на это действие.",
    es: "No tiene permiso para realizar esta acción.",
  },
  not_found: {
    ar: "السجل المطلوب غير موجود.",
    zh: "未找到所请求的记录。",
    en: "The record was not found.",
    fr: "L'enregistrement est introuvable.",
    ru: "Запись не найдена.",
    es: "No se encontró el registro.",
  },
  conflict: {
    ar: "تعارض مع البيانات المخزنة (ربما عدّلها شخص آخر)؛ أعد التحميل وحاول مجدداً.",
    zh: "与已存数据冲突（可能已被他人修改），请刷新后重试。",
    en: "This conflicts with the stored record (someone may have changed it); reload and try again.",
    fr: "Conflit avec l'enregistrement stocké (quelqu'un l'a peut-être modifié) ; rechargez et réessayez.",
    ru: "Конфликт с сохранённой записью (возможно, её изменил другой пользователь); обновите и повторите.",
    es: "Conflicto con el registro guardado (quizá otra persona lo modificó); recargue e inténtelo de nuevo.",
  },
  invalid_transition: {
    ar: "لا يُسمح بهذا التغيير في الحالة.",
    zh: "不允许此状态变更。",
    en: "This change of status is not allowed.",
    fr: "Ce changement de statut n'est pas autorisé.",
    ru: "Такое изменение статуса не допускается.",
    es: "Este cambio de estado no está permitido.",
  },
  rule_violation: {
    ar: "يخالف هذا التغيير قاعدة من قواعد النظام.",
    zh: "此更改违反了系统规则。",
    en: "This change breaks one of the platform's rules.",
    fr: "Cette modification enfreint une règle de la plateforme.",
    ru: "Это изменение нарушает правило платформы.",
    es: "Este cambio infringe una regla de la plataforma.",
  },
  rate_limited: {
    ar: "محاولات كثيرة جداً؛ انتظر قليلاً ثم أعد المحاولة.",
    zh: "尝试次数过多，请稍后再试。",
    en: "Too many attempts; wait a moment and try again.",
    fr: "Trop de tentatives ; patientez un instant puis réessayez.",
    ru: "Слишком много попыток; подождите и повторите.",
    es: "Demasiados intentos; espere un momento y vuelva a intentarlo.",
  },
  unavailable: {
    ar: "الخدمة غير متاحة مؤقتاً.",
    zh: "服务暂时不可用。",
    en: "The service is temporarily unavailable.",
    fr: "Le service est temporairement indisponible.",
    ru: "Сервис временно недоступен.",
    es: "El servicio no está disponible temporalmente.",
  },
  internal: {
    ar: "حدث خطأ غير متوقع؛ سُجّل لفريق التشغيل.",
    zh: "发生意外错误，已记录供运维人员处理。",
    en: "An unexpected error occurred; it has been logged for the operators.",
    fr: "Une erreur inattendue s'est produite ; elle a été consignée pour les exploitants.",
    ru: "Произошла непредвиденная ошибка; она записана для администраторов.",
    es: "Se produjo un error inesperado; se ha registrado para los operadores.",
  },
};

/** Field-level reasons, for the `details` of a validation error. */
const FIELD_MESSAGES: Record<string, Record<Language, string>> = {
  required: {
    ar: "هذا الحقل مطلوب.",
    zh: "此字段为必填项。",
    en: "This field is required.",
    fr: "Ce champ est obligatoire.",
    ru: "Это поле обязательно.",
    es: "Este campo es obligatorio.",
  },
  invalid_type: {
    ar: "نوع القيمة غير صحيح.",
    zh: "值的类型不正确。",
    en: "The value has the wrong type.",
    fr: "La valeur n'est pas du bon type.",
    ru: "Неверный тип значения.",
    es: "El valor no es del tipo correcto.",
  },
  too_small: {
    ar: "القيمة قصيرة جداً أو صغيرة جداً.",
    zh: "值过短或过小。",
    en: "The value is too short or too small.",
    fr: "La valeur est trop courte ou trop petite.",
    ru: "Значение слишком короткое или слишком малое.",
    es: "El valor es demasiado corto o pequeño.",
  },
  too_big: {
    ar: "القيمة طويلة جداً أو كبيرة جداً.",
    zh: "值过长或过大。",
    en: "The value is too long or too large.",
    fr: "La valeur est trop longue ou trop grande.",
    ru: "Значение слишком длинное или слишком большое.",
    es: "El valor es demasiado largo o grande.",
  },
  invalid_format: {
    ar: "صيغة القيمة غير صحيحة.",
    zh: "值的格式不正确。",
    en: "The value is not in the expected format.",
    fr: "La valeur n'est pas au format attendu.",
    ru: "Значение имеет неверный формат.",
    es: "El valor no tiene el formato esperado.",
  },
  invalid_value: {
    ar: "القيمة ليست من القيم المسموح بها.",
    zh: "该值不在允许的取值范围内。",
    en: "The value is not one of those allowed.",
    fr: "La valeur ne fait pas partie de celles autorisées.",
    ru: "Значение не входит в число допустимых.",
    es: "El valor no es uno de los permitidos.",
  },
  unrecognized_keys: {
    ar: "حقل غير معروف.",
    zh: "未知字段。",
    en: "Unknown field.",
    fr: "Champ inconnu.",
    ru: "Неизвестное поле.",
    es: "Campo desconocido.",
  },
  custom: {
    ar: "القيمة غير مقبولة.",
    zh: "该值不被接受。",
    en: "The value is not accepted.",
    fr: "La valeur n'est pas acceptée.",
    ru: "Значение не принято.",
    es: "El valor no se acepta.",
  },
  unknown_unit: {
    ar: "لا توجد وحدة بهذا الرمز.",
    zh: "不存在此代码的单位。",
    en: "No unit has this code.",
    fr: "Aucune unité ne porte ce code.",
    ru: "Подразделения с таким кодом нет.",
    es: "Ninguna unidad tiene este código.",
  },
  duplicate: {
    ar: "هذه القيمة مستخدمة بالفعل.",
    zh: "此值已被使用。",
    en: "This value is already in use.",
    fr: "Cette valeur est déjà utilisée.",
    ru: "Это значение уже используется.",
    es: "Este valor ya está en uso.",
  },
  cycle: {
    ar: "لا يمكن أن تكون الوحدة تابعة لنفسها أو لإحدى وحداتها الفرعية.",
    zh: "单位不能隶属于其自身或其下级单位。",
    en: "A unit cannot sit under itself or one of its own sub-units.",
    fr: "Une unité ne peut dépendre d'elle-même ni de l'une de ses sous-unités.",
    ru: "Подразделение не может входить в само себя или в своё подчинённое подразделение.",
    es: "Una unidad no puede depender de sí misma ni de una de sus subunidades.",
  },
  period_outside_parent: {
    ar: "فترة الصلاحية تقع خارج فترة الوحدة الأم.",
    zh: "有效期超出了上级单位的有效期。",
    en: "The validity period falls outside the parent unit's.",
    fr: "La période de validité déborde celle de l'unité mère.",
    ru: "Срок действия выходит за пределы срока вышестоящего подразделения.",
    es: "El período de validez excede el de la unidad superior.",
  },
  before_start: {
    ar: "لا يمكن أن يسبق تاريخ البداية.",
    zh: "不能早于开始日期。",
    en: "Cannot be before the start date.",
    fr: "Ne peut précéder la date de début.",
    ru: "Не может быть раньше даты начала.",
    es: "No puede ser anterior a la fecha de inicio.",
  },
  unit_closed: {
    ar: "الوحدة مغلقة في هذا التاريخ.",
    zh: "该单位在此日期已撤销。",
    en: "The unit is closed on this date.",
    fr: "L'unité est fermée à cette date.",
    ru: "На эту дату подразделение закрыто.",
    es: "La unidad está cerrada en esa fecha.",
  },
  has_open_children: {
    ar: "للوحدة وحدات فرعية لا تزال مفتوحة.",
    zh: "该单位仍有未撤销的下级单位。",
    en: "The unit still has open sub-units.",
    fr: "L'unité a encore des sous-unités ouvertes.",
    ru: "У подразделения остались открытые подчинённые подразделения.",
    es: "La unidad todavía tiene subunidades abiertas.",
  },
  weak_password: {
    ar: "كلمة المرور قصيرة جداً (10 أحرف على الأقل).",
    zh: "密码太短（至少10个字符）。",
    en: "The password is too short (at least 10 characters).",
    fr: "Le mot de passe est trop court (10 caractères au moins).",
    ru: "Пароль слишком короткий (не менее 10 символов).",
    es: "La contraseña es demasiado corta (al menos 10 caracteres).",
  },
  wrong_credentials: {
    ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
    zh: "电子邮件或密码不正确。",
    en: "The e-mail address or password is wrong.",
    fr: "L'adresse électronique ou le mot de passe est incorrect.",
    ru: "Неверный адрес электронной почты или пароль.",
    es: "El correo electrónico o la contraseña son incorrectos.",
  },
  stale_version: {
    ar: "عُدّل هذا السجل منذ أن قرأته.",
    zh: "自您读取后，该记录已被修改。",
    en: "This record has changed since you read it.",
    fr: "Cet enregistrement a changé depuis votre lecture.",
    ru: "Запись изменилась после того, как вы её прочитали.",
    es: "Este registro cambió desde que lo leyó.",
  },
  csrf: {
    ar: "رمز الحماية من الطلبات المزورة مفقود أو غير صالح؛ أعد تحميل الصفحة.",
    zh: "缺少或无效的防跨站请求令牌，请刷新页面。",
    en: "The anti-forgery token is missing or invalid; reload the page.",
    fr: "Le jeton anti-falsification est absent ou invalide ; rechargez la page.",
    ru: "Токен защиты от подделки запросов отсутствует или недействителен; обновите страницу.",
    es: "Falta el token antifalsificación o no es válido; recargue la página.",
  },
};

export function errorMessage(code: ErrorCode, lang: Language): string {
  return ERROR_MESSAGES[code][lang];
}

export function fieldMessage(reason: string, lang: Language): string {
  return (FIELD_MESSAGES[reason] ?? FIELD_MESSAGES.custom)![lang];
}

export function hasFieldMessage(reason: string): boolean {
  return reason in FIELD_MESSAGES;
}
