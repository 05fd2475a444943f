import i18n from "../i18n/index.ts";
import { en, zhCN } from "../i18n/account.ts";

// The account texts (找回密码, 修改密码, 首次登录修改初始密码) live in their own bundle, merged into the
// default namespace at import time (deep, never overwriting a key the main bundle already has).
i18n.addResourceBundle("zh-CN", "translation", zhCN, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);

export default i18n;
