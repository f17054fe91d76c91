/**
 * The parser on documents of the genre it was not written for: the development documents in
 * eval/genre/dev/docs (whole plans as published, page chrome included) and the openings of real
 * pages in test/fixtures/corpus (cut off mid-sentence).
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  docNumberKey,
  dueDate,
  type Item,
  loadCorpus,
  loadGenreData,
  markedLine,
  type Plan,
  parseDeadlines,
  parsePlan,
  readDivisionTable,
  readPlanConventions,
} from "../src/corpus/index.js";
import { splitLines } from "../src/corpus/lines.js";
import { pipeTableRows } from "../src/corpus/pipe-table.js";
import { tempDir } from "./temp-dir.js";

const DEV = "eval/genre/dev/docs";
const corpus = loadCorpus(DEV);
const planOf = (doc: string): Plan => {
  const p = corpus.plans.find((x) => x.doc === doc);
  if (!p) throw new Error(`no plan ${doc}`);
  return p;
};
const entry = (p: Plan, id: string): Item => {
  const found = p.items.find((i) => i.id === id);
  if (!found) throw new Error(`${p.doc}: no entry ${id}`);
  return found;
};
/** An entry's departments as [name, role] pairs, in the order the plan writes them. */
const rolePairs = (p: Plan, id: string) => entry(p, id).departments.map((d) => [d.name, d.role]);
const roles = (p: Plan, id: string) => Object.fromEntries(rolePairs(p, id));
const dates = (p: Plan, id: string) =>
  entry(p, id).deadlines.map((d) => [d.text, d.date, d.yearFromContext, d.approximate]);
const isoDates = (p: Plan, id: string) => entry(p, id).deadlines.map((d) => d.date);
const idsAt = (p: Plan, level: number) => p.items.filter((i) => i.level === level).map((i) => i.id);

const puyang = planOf("puyang-air-quality-2024");
const kaifeng2024 = planOf("kaifeng-air-quality-2024");
const kaifeng2025 = planOf("kaifeng-air-action-2025");
const xuchang = planOf("xuchang-air-quality-2024");
const shanxi = planOf("shanxi-air-quality-2024");

/** Marks of page chrome and closing lines that must never be inside an entry. */
const FOOTER =
  /打印本页|关闭窗口|【打印】|【关闭】|扫一扫|相关链接|相关文件|相关稿件|主办单位：[^\n、]*(?:人民政府|办公室)$|承办单位[:：][^\n]*(?:网站|信息中心|大数据)|网站标识码|ICP备|公网安备|分享到|(?:^|\n)\s*附件|网站地图|政府部门网站|印发$/;

describe("every development document", () => {
  it("loads, each on its own, with no warnings", () => {
    expect(corpus.warnings).toEqual([]);
    expect(corpus.plans.map((p) => p.doc)).toEqual(
      [
        "kaifeng-air-action-2025",
        "kaifeng-air-quality-2024",
        "mee-joint-vocs-2021",
        "puyang-air-quality-2024",
        "shantou-blue-sky-2019",
        "shanxi-air-quality-2024",
        "xuchang-air-quality-2024",
        "xihua-county-2025",
        "yichun-2018-2020",
        "hunan-ozone-2023",
        "xingtai-2023",
        "mee-mot-2022",
        "zhangdian-air-2024",
        "shaanxi-air-tasks-2024",
        "linquan-air-2024",
        "liaocheng-blue-sky-2019",
        "huaiyuan-air-pollution-2024",
        "dezhou-air-pollution-2025",
        "lingbi-blue-sky-2019",
        "cangzhou-autumn-winter-2024",
        "hubei-air-workplan-2025",
        "gansu-air-quality-2024",
        "gaocheng-air-pollution-2024",
        "huaibei-air-quality-2024",
        "yuncheng-ozone-2025",
        "suining-air-quality-2024",
        "wenan-air-pollution-2025",
        "bozhou-air-pollution-2024",
        "jingxian-blue-sky-2023",
        "zaozhuang-air-quality-2024",
        "peixian-air-pollution-2025",
        "hebi-air-action-2025",
        "suqian-ozone-control-2025",
        "shuyang-autumn-winter-2024",
        "tianfu-air-pollution-2025",
        "jincheng-key-projects-2025",
        "fuping-air-pollution-2024",
        "shaoguan-air-quality-2021",
        "wuhai-air-pollution-2025",
        "ningxia-air-work-points-2024",
        "siping-air-quality-2025",
        "hainan-air-work-points-2025",
        "yiwu-air-quality-action-2025",
        "suihua-air-pollution-2025",
        "changshou-air-quality-2024",
        "qujing-air-quality-2024",
        "anshan-blue-sky-2025",
        "heilongjiang-air-pollution-2025",
        "liuzhou-air-quality-2024",
        "guixi-air-quality-2025",
        "chifeng-air-pollution-2024",
        "fuling-air-quality-2024",
        "xiangyang-air-quality-2025",
        "baoji-blue-sky-2025",
        "jiexiu-air-pollution-2024",
        "yongnian-air-pollution-2024",
        "jieyang-air-pollution-2025",
        "xianyou-air-quality-2024",
        "yingde-ozone-2025",
        "zhuji-air-quality-2025",
        "anning-air-quality-2024",
        "zouping-air-pollution-2025",
        "zhungeer-air-pollution-2024",
        "qijiang-air-tasks-2024",
        "zigong-air-quality-2025",
        "zhuozhou-air-pollution-2025",
        "jingyang-autumn-winter-2025",
        "fanchang-air-quality-2024",
        "nanhai-ozone-2025",
        "xiaoyi-air-quality-2024",
        "yulin-air-pollution-2025",
        "ninghe-air-quality-2024",
        "yueyang-air-pollution-2025",
        "huangshi-air-quality-2024",
        "fengtai-autumn-winter-air-2025",
        "sanming-air-plan-2022",
        "boluo-air-pollution-2025",
        "jiaozuo-air-pollution-2025",
        "suining-autumn-winter-2025",
        "changxing-air-quality-2025",
        "ruichang-air-quality-2025",
        "binyang-air-quality-2025",
        "luquan-air-pollution-2024",
        "huian-air-quality-2024",
        "dalate-air-pollution-2025",
        "shouguang-air-pollution-2025",
        "liling-air-quality-2024",
        "guanghan-air-pollution-2025",
        "linwei-autumn-winter-air-2024",
        "yiling-air-quality-2025",
        "gushi-air-quality-2025",
        "jinghai-air-pollution-2025",
        "nongan-autumn-winter-2024",
        "nanan-ozone-2025",
        "beilun-air-quality-2025",
        "lingshi-air-pollution-2025",
        "leping-ozone-2024",
        "wuan-air-pollution-2025",
        "junan-autumn-winter-2024",
        "jiangjin-air-quality-2024",
        "lengshuijiang-air-pollution-2025",
        "rugao-qiudong-gongjian-2024",
        "tongxiang-lantian-ershitiao-2025",
        "binzhou-lantian-2025",
        "yongdeng-air-quality-2024",
        "mile-air-quality-2024",
        "pingguo-air-pollution-2025",
        "qianan-air-quality-2025",
        "zhangwu-autumn-winter-2024",
        "linfen-air-pollution-2025",
        "baotou-air-quality-2024",
        "wusu-air-pollution-2025",
        "shangli-air-quality-2024",
        "dehua-air-quality-2025",
        "shunde-ozone-2024",
        "tieling-air-quality-2025",
        "shenzhou-air-pollution-2025",
        "wenling-air-quality-2025",
        "gaoyao-air-quality-2025",
        "sanyuan-air-pollution-2025",
        "liupanshui-air-quality-2025",
        "xuanhua-air-quality-2025",
        "nehe-air-quality-2024",
        "tianchang-air-quality-2025",
        "heshan-air-quality-2024",
        "changyuan-air-quality-2025",
        "yangquan-air-quality-2025",
        "wujin-air-quality-2025",
        "meishan-air-quality-2024",
        "xingping-air-quality-2025",
        "qixingguan-air-quality-2025",
        "xianghe-air-pollution-2025",
        "liaoyang-air-quality-2024",
        "tongcheng-air-quality-2025",
        "gongyi-air-pollution-2025",
        "yuci-air-quality-2025",
        "tianshui-air-quality-2024",
        "guiping-air-pollution-2025",
        "nanxi-air-quality-2024",
        "meihekou-air-pollution-2025",
        "fengyang-air-quality-2024",
        "bazhou-air-quality-2025",
        "dengfeng-blue-sky-2025",
        "jinjiang-air-quality-2025",
        "weiyuan-air-pollution-2025",
        "taixing-air-pollution-2025",
        "sihui-air-quality-2025",
        "leiyang-air-quality-2025",
        "dazhou-air-quality-2025",
        "huinong-air-pollution-2025",
        "wulanchabu-air-quality-2024",
        "jingmen-air-quality-2025",
        "fenyi-air-pollution-2025",
        "zhanjiang-air-pollution-2025",
        "chuxiong-air-quality-2025",
        "bishan-air-quality-2025",
        "jiangyou-air-quality-2024",
        "haining-air-quality-2025",
        "gaomi-air-quality-2025",
        "baodi-air-pollution-2025",
        "gongzhuling-air-quality-2024",
        "pizhou-air-pollution-2025",
        "fengcheng-air-quality-2025",
        "baiyin-air-quality-2025",
        "changji-air-quality-2024",
        "renqiu-air-pollution-2025",
        "daye-air-quality-2025",
        "longhai-air-quality-2025",
        "qinzhou-air-quality-2025",
        "haicheng-air-quality-2025",
        "jiashan-air-quality-2025",
        "lingwu-air-pollution-2025",
        "xiangtan-air-quality-2024",
        "xinzheng-blue-sky-2025",
        "linqu-air-quality-2024",
        "shahe-air-pollution-2025",
        "jiayuguan-air-quality-2024",
        "pucheng-air-pollution-2025",
        "leshan-air-quality-2024",
        "fuqing-air-campaign-2025",
        "guangfeng-air-quality-2025",
        "renhuai-air-quality-2025",
        "yongchuan-air-quality-2024",
        "zoucheng-air-pollution-2025",
        "gujiao-air-quality-2025",
        "zhangjiagang-air-pollution-2025",
        "shishi-air-quality-2025",
        "xinji-air-pollution-2025",
        "dawukou-air-pollution-2025",
        "zhenping-air-quality-2025",
        "guangan-air-quality-2024",
        "laizhou-air-quality-2025",
        "etuoke-air-quality-2024",
        "liyang-air-pollution-2025",
        "zhangshu-air-quality-2025",
        "qianjiang-air-quality-2025",
        "linzhou-air-pollution-2025",
        "zhucheng-air-quality-2025",
        "hechuan-air-pollution-2025",
        "hancheng-air-pollution-2025",
        "shuangyashan-air-quality-2025",
        "jingdezhen-air-quality-2025",
        "jiangyan-air-pollution-2025",
        "hejin-air-pollution-2025",
        "daqing-air-quality-2024",
        "ruzhou-air-pollution-2025",
        "yidu-air-quality-2025",
        "zhuanghe-air-quality-2025",
        "dazu-air-pollution-2025",
        "jieshou-air-quality-2025",
        "qingzhen-air-pollution-2025",
        "jiangyin-air-pollution-2025",
        "pengzhou-air-quality-2024",
        "qitaihe-air-pollution-2025",
        "qingtongxia-air-quality-2025",
        "qianxi-air-quality-2025",
        "tongliang-air-quality-2024",
        "dingzhou-air-pollution-2025",
        "hanchuan-air-quality-2025",
        "yaozhou-air-pollution-2025",
        "kaiyuan-air-quality-2024",
        "danyang-air-pollution-2025",
        "kuerle-air-quality-2025",
        "pingluo-air-pollution-2025",
        "wafangdian-air-quality-2025",
        "yuzhou-air-pollution-2025",
        "dangtu-air-quality-2024",
        "wuwei-air-pollution-2025",
        "youxian-air-quality-2024",
        "xiangyuan-air-pollution-2025",
        "yixing-air-quality-2024",
        "zunhua-air-pollution-2025",
        "kelamayi-air-quality-2024",
        "laibin-air-quality-2025",
        "xiantao-air-quality-2025",
        "wugong-air-quality-2025",
        "deyang-air-quality-2025",
        "luanzhou-air-pollution-2025",
        "gaoping-air-quality-2025",
        "liuyang-air-quality-2025",
        "huolinguole-air-quality-2025",
        "yuxi-air-quality-2025",
        "duyun-air-pollution-2025",
        "zhaodong-air-quality-2025",
        "huanghua-air-pollution-2024",
        "linhai-air-quality-2025",
        "xinhui-air-pollution-2025",
        "xining-air-quality-2025",
        "yizhou-air-pollution-2024",
        "chenzhou-air-quality-2025",
        "shouxian-air-pollution-2025",
        "yutian-air-quality-2025",
        "wuqing-air-pollution-2024",
        "maoming-air-quality-2024",
        "xuanwei-air-pollution-2025",
        "ningguo-air-quality-2025",
        "yongan-air-pollution-2025",
        "jinzhou-air-quality-2025",
        "yuanping-air-pollution-2025",
        "ezhou-air-pollution-2025",
        "beiliu-air-quality-2024",
        "yibin-air-quality-2025",
        "shenmu-air-pollution-2024",
        "juxian-air-pollution-2025",
        "tonglu-air-quality-2024",
        "jixi-air-quality-2025",
        "gejiu-air-pollution-2024",
        "jixi-air-quality-2024",
        "yongchun-air-pollution-2025",
        "golmud-air-quality-2025",
        "duilongdeqing-air-pollution-2025",
        "yanji-air-quality-2025",
        "baicheng-air-pollution-2025",
        "nankang-air-quality-2025",
        "xinluo-air-pollution-2025",
        "pingqiao-air-quality-2024",
        "pingqiao-air-quality-2025",
        "zunyi-huichuan-air-quality-2025",
        "bijie-air-pollution-2025",
        "hami-air-quality-2025",
        "wuzhong-air-pollution-2025",
        "fengfeng-air-quality-2025",
        "weinan-air-pollution-2025",
        "dongying-air-quality-2025",
        "luzhou-air-pollution-2025",
        "zhangye-air-quality-2025",
        "ganzhou-air-pollution-2025",
        "panjin-air-quality-2025",
        "anshun-air-pollution-2025",
        "huaihua-air-quality-2025",
        "haidong-air-pollution-2025",
        "mudanjiang-air-quality-2025",
        "baise-air-pollution-2025",
        "lishui-air-quality-2025",
        "rizhao-air-pollution-2025",
        "guangyuan-air-quality-2025",
        "baoshan-air-pollution-2025",
        "xuancheng-air-quality-2025",
        "chengde-air-pollution-2025",
        "hanzhong-air-quality-2025",
        "yongzhou-air-pollution-2025",
        "shangrao-air-quality-2025",
        "hengshui-air-pollution-2025",
        "luliang-air-quality-2025",
        "ankang-air-pollution-2025",
        "heze-air-quality-2025",
        "tongren-air-pollution-2025",
        "luan-air-quality-2025",
        "shiyan-air-pollution-2025",
        "yichang-air-quality-2025",
        "fuxin-air-pollution-2025",
        "nanping-air-quality-2025",
        "wuzhishan-air-pollution-2025",
        "xinyang-air-quality-2025",
        "mianyang-air-pollution-2025",
        "yancheng-air-quality-2025",
        "dali-air-pollution-2025",
        "changde-air-quality-2025",
        "wuzhou-air-pollution-2025",
        "zhuzhou-air-quality-2025",
        "quzhou-air-pollution-2025",
        "nanchong-air-quality-2025",
        "loudi-air-pollution-2025",
        "jiujiang-air-quality-2025",
        "zhaoqing-air-pollution-2025",
        "longyan-air-quality-2025",
        "neijiang-air-pollution-2025",
        "yiyang-air-quality-2025",
        "pingxiang-air-pollution-2025",
        "weifang-air-quality-2025",
        "handan-air-pollution-2025",
        "wuhu-air-quality-2025",
        "huzhou-air-pollution-2025",
        "linyi-air-quality-2025",
        "nanyang-air-pollution-2025",
        "guilin-air-quality-2025",
        "xianyang-air-pollution-2025",
        "anyang-air-quality-2025",
        "changzhi-air-pollution-2025",
        "baoding-air-quality-2025",
        "zibo-air-pollution-2025",
        "nantong-air-quality-2025",
        "shaoxing-air-pollution-2025",
        "yanan-air-quality-2025",
        "guigang-air-pollution-2025",
        "panzhihua-air-quality-2025",
        "zhangjiakou-air-pollution-2025",
        "jiamusi-air-pollution-2025",
        "xinxiang-air-quality-2025",
        "tongliao-air-quality-2025",
        "xianning-air-pollution-2025",
        "shuozhou-air-pollution-2025",
        "putian-air-quality-2025",
        "huludao-air-quality-2025",
        "botou-air-pollution-2025",
        "yangjiang-air-quality-2025",
        "xingyi-air-pollution-2025",
        "chuzhou-air-quality-2025",
        "feicheng-air-pollution-2025",
        "pingliang-air-quality-2025",
        "linying-air-pollution-2025",
        "xinzhou-air-quality-2025",
        "dunhua-air-pollution-2025",
        "yaan-air-quality-2025",
        "hepu-air-pollution-2025",
        "shangluo-air-quality-2025",
        "longxi-air-pollution-2025",
        "luohe-air-pollution-2025",
        "xiangyin-air-pollution-2025",
        "tongchuan-air-pollution-2025",
        "guanyun-air-quality-2025",
        "xiaogan-air-quality-2025",
        "guangde-air-pollution-2025",
        "xiqing-air-quality-2025",
        "lishu-air-quality-2025",
        "jingzhou-air-quality-2025",
        "wanzhou-air-pollution-2025",
        "jinzhong-air-quality-2025",
        "changshu-air-quality-2025",
        "jinchang-air-quality-2025",
        "fugu-air-pollution-2025",
        "shanwei-air-quality-2025",
        "xiapu-air-quality-2025",
        "meizhou-air-pollution-2025",
        "anyue-air-quality-2025",
        "sanmenxia-air-quality-2025",
        "zhongning-air-pollution-2025",
        "benxi-air-quality-2025",
        "yushu-air-pollution-2025",
        "zhumadian-air-quality-2025",
        "zaoyang-air-pollution-2025",
        "ziyang-air-quality-2025",
        "kaili-air-pollution-2025",
        "taian-air-quality-2025",
        "baoying-air-quality-2025",
        "qingyang-air-quality-2025",
        "pingyao-air-pollution-2025",
        "heyuan-air-quality-2025",
        "xinyu-air-pollution-2025",
        "datong-air-quality-2025",
        "guyuan-air-quality-2025",
        "yingkou-air-quality-2025",
        "huadian-autumn-winter-2025",
        "maanshan-air-quality-2025",
        "deqing-air-quality-2025",
        "bazhong-air-quality-2025",
        "rongchang-air-pollution-2025",
        "shizuishan-air-quality-2025",
        "fengxiang-air-pollution-2025",
        "langfang-air-quality-2025",
        "zezhou-air-pollution-2025",
        "zhangzhou-air-quality-2025",
        "ruian-air-pollution-2025",
        "suizhou-air-quality-2025",
        "panzhou-air-pollution-2025",
        "jining-air-quality-2025",
        "sihong-air-pollution-2025",
        "pingdingshan-air-pollution-2025",
        "guangshui-air-pollution-2025",
        "zhaotong-air-quality-2025",
        "nanchuan-air-pollution-2025",
        "dingxi-air-quality-2025",
        "zhengding-air-pollution-2025",
        "huanggang-air-quality-2025",
        "changge-air-pollution-2025",
        "weihai-air-quality-2025",
        "donggang-air-pollution-2025",
        "shaoyang-air-quality-2025",
        "rongjiang-air-quality-2025",
        "jiangmen-air-quality-2025",
        "wenchang-air-pollution-2025",
        "jian-air-quality-2025",
        "suzhou-yongqiao-air-quality-2025",
        "fuzhou-jiangxi-air-quality-2025",
        "huaiyuan-air-quality-2025",
        "qiqihaer-air-quality-2025",
        "huinan-air-quality-2025",
        "dandong-air-quality-2025",
        "lvliang-air-quality-2025",
        "yingtan-air-quality-2025",
        "liaoyuan-air-quality-2025",
        "qinhuangdao-air-quality-2025",
        "laishan-air-quality-2025",
        "xiangtan-air-quality-2025",
        "jinjiang-air-pollution-2025",
        "hengyang-air-quality-2025",
        "ningde-air-quality-2025",
        "shangqiu-air-quality-2025",
        "tengzhou-air-quality-2024",
        "xuzhou-air-quality-2025",
        "huozhou-air-quality-2024",
        "bengbu-air-quality-2025",
        "yanling-air-quality-2024",
        "anqing-air-quality-2025",
        "qinyang-air-quality-2024",
        "tongling-air-quality-2025",
        "chizhou-air-quality-2024",
        "jiyuan-air-quality-2025",
        "huainan-air-quality-2024",
        "fuyang-air-quality-2025",
        "dengzhou-air-quality-2024",
        "zhoukou-air-quality-2025",
        "xiangcheng-air-quality-2024",
        "xingyang-air-quality-2025",
        "huaxian-air-quality-2024",
        "wugang-air-quality-2024",
        "lingbao-air-quality-2025",
        "xinmi-air-quality-2025",
        "mengzhou-air-quality-2024",
        "weihui-air-quality-2025",
        "lankao-air-quality-2024",
        "yanshi-air-quality-2024",
        "luyi-air-quality-2025",
        "wuyang-air-quality-2024",
        "xixia-air-quality-2025",
        "qixian-air-quality-2024",
        "runan-air-quality-2025",
        "taikang-air-quality-2024",
        "yichuan-air-quality-2025",
        "shangshui-air-quality-2024",
        "xichuan-air-quality-2025",
        "dancheng-air-quality-2024",
        "songxian-air-quality-2025",
        "xincai-air-quality-2024",
        "neixiang-air-quality-2025",
        "sheqi-air-quality-2024",
        "fanxian-air-quality-2025",
        "tanghe-air-quality-2024",
        "taiqian-air-quality-2025",
        "fangcheng-air-quality-2024",
        "queshan-air-quality-2024",
        "biyang-air-quality-2024",
        "zhengyang-air-quality-2025",
        "nanzhao-air-quality-2024",
        "shangcai-air-quality-2024",
        "tongbai-air-quality-2024",
        "pingyu-air-quality-2024",
        "xiping-air-quality-2024",
        "luoshan-air-quality-2024",
        "suiping-air-quality-2024",
        "guangshan-air-quality-2024",
        "huangchuan-air-quality-2024",
        "shangcheng-air-quality-2024",
        "xixian-air-quality-2024",
        "yexian-air-quality-2025",
        "jiaxian-air-quality-2024",
        "huaibin-air-quality-2025",
      ].sort(),
    );
  });

  it("keeps entries verbatim, tiles its body with its parts, and ids, levels, parents and labels agree", () => {
    for (const p of corpus.plans) {
      let at = p.body.start;
      for (const part of p.parts) {
        expect(part.span.start, p.doc).toBe(at);
        at = part.span.end;
      }
      expect(at, p.doc).toBe(p.body.end);
      for (const i of p.items) {
        // A row rebuilt from a table laid out in columns holds what its lines hold, spaces aside.
        if (i.reflowed) {
          const counts = (t: string) => {
            const n = new Map<string, number>();
            for (const c of t.replace(/\s/g, "")) n.set(c, (n.get(c) ?? 0) + 1);
            return n;
          };
          const inSource = counts(p.source.slice(i.span.start, i.span.end));
          for (const [c, n] of counts(i.text))
            expect(inSource.get(c) ?? 0, `${i.id} ${c}`).toBeGreaterThanOrEqual(n);
        } else expect(p.source.slice(i.span.start, i.span.end)).toBe(i.text);
        expect(i.id).toBe(i.path.join("."));
        expect(i.level).toBe(i.path.length);
        expect(i.parent).toBe(i.level > 2 ? i.path.slice(0, -1).join(".") : null);
        if (i.parent) expect(p.items.some((x) => x.id === i.parent)).toBe(true);
        expect(i.section).toBe(i.path[0]);
        expect(i.number).toBe(i.path.at(-1));
        // A deadline read from a division table quotes its cell there, not the item.
        for (const d of i.deadlines)
          expect(i.text.includes(d.sentence) || p.source.includes(d.sentence)).toBe(true);
      }
      expect(new Set(p.items.map((i) => i.id)).size).toBe(p.items.length);
    }
  });

  it("ends the last entry before the page footer, the attachment list and the signature", () => {
    for (const p of corpus.plans) {
      const body = p.source.slice(p.body.start, p.body.end);
      // The notice before the plan may list its attachment (附件：…); from the first section on, no chrome.
      const sections = p.parts.find((part) => part.kind !== "preamble")?.span.start ?? p.body.start;
      expect(p.source.slice(sections, p.body.end), p.doc).not.toMatch(FOOTER);
      for (const i of p.items) expect(i.text, `${p.doc} ${i.id}`).not.toMatch(FOOTER);
      // A closing paragraph that assigns the section's tasks by number (责任分工：第39项由…) may follow it.
      // So may lists giving each unit its tasks by number (分工标注 — 市财政局：（二）◎ — 完成时限：（一）…).
      const end = body
        .trimEnd()
        .replace(/\n[\s　]*(?:责任分工[:：])?(?:以上)?第\s*\d+[^\n]*项[^\n]*由[^\n]*$/, "")
        .replace(
          /(?:\n[\s　]*(?:分工标注|[^\n：:]{2,30}[：:][\s　]*[（(][一二三四五六七八九十]{1,3}[）)][^\n]*))+$/u,
          "",
        );
      // The last entry's span in the source (a table row rebuilt from its cells quotes its cells).
      const last = p.items.at(-1);
      expect(end.trimEnd().endsWith(last ? p.source.slice(last.span.start, last.span.end) : "?"), p.doc).toBe(
        true,
      );
    }
  });

  it("is cited the way people cite it: an entry's text is its own, a parent ends where its first child starts", () => {
    for (const p of corpus.plans) {
      for (const i of p.items) {
        const children = p.items.filter((c) => c.parent === i.id);
        const first = children[0];
        if (first) expect(i.span.end).toBeLessThanOrEqual(first.span.start);
      }
    }
  });
});

describe("Puyang: lone issuer line, blank lines, 〔〕 clauses, attachments and a government footer", () => {
  it("reads the title block with the issuer on a line of its own", () => {
    expect(puyang.meta).toMatchObject({
      title: "濮阳市人民政府关于印发濮阳市空气质量持续改善行动实施方案的通知",
      planTitle: "濮阳市空气质量持续改善行动实施方案",
      issuer: "濮阳市人民政府",
      docNumber: "濮政〔2024〕11号",
      signed: "2024-08-13",
      published: "2024-08-17",
      indexNumber: "J0001-2101-2024-02018",
      implements: ["国发〔2023〕24号", "豫政〔2024〕12号"],
      implementsTitles: ["中共中央国务院关于深入打好污染防治攻坚战的意见"],
      issuedWith: [],
    });
    expect(puyang.profile).toMatchObject({
      level: "city",
      province: { zh: "河南省" },
      place: { en: "Puyang" },
    });
  });

  it("has nine sections numbered per section", () => {
    expect(puyang.sections).toHaveLength(9);
    expect(puyang.items.every((i) => i.level === 2)).toBe(true);
    expect(puyang.sections.map((s) => puyang.items.filter((i) => i.section === s.number).length)).toEqual([
      2, 5, 5, 4, 4, 4, 6, 2, 3,
    ]);
    expect(entry(puyang, "3.2")).toMatchObject({ label: "三(二)", title: "严格合理控制煤炭消费总量" });
  });

  it("reads 〔〕 clauses with county governments inside, and a clause in mid-item", () => {
    expect(roles(puyang, "3.5")).toMatchObject({
      市发展改革委: "responsible",
      "各县(区)政府": "responsible",
    });
    expect(roles(puyang, "7.3")).toEqual({ 市生态环境局: "lead", "各县(区)政府": "responsible" });
    expect(roles(puyang, "4.2")).toEqual({
      市交通运输局: "responsible",
      市城市管理局: "responsible",
      市邮政管理局: "responsible",
      市公安局: "responsible",
      市生态环境局: "responsible",
      市商务局: "responsible",
    });
    expect(roles(puyang, "4.4")).toMatchObject({ 市商务局: "lead", 市公安局: "support" });
    expect(roles(puyang, "7.4")).toEqual({ 市生态环境局: "responsible", 市气象局: "support" });
    // 清丰县、南乐县、台前县政府: the bare counties take the government the list ends in.
    const county = entry(puyang, "2.3").departments.find((d) => d.name === "清丰县政府");
    expect(county).toMatchObject({ role: "responsible", written: "清丰县" });
  });

  it("dates a year-less deadline from the passage before it", () => {
    expect(dates(puyang, "6.2")).toEqual([["9月底前", "2025-09-30", true, false]]);
    expect(dates(puyang, "3.5")).toEqual([["2024年采暖季前", "2024-11-15", false, true]]);
    expect(dates(puyang, "7.2")).toEqual([["2024年9月底前", "2024-09-30", false, false]]);
    const byEnd2024 = puyang.items
      .filter((i) => i.deadlines.some((d) => d.date === "2024-12-31"))
      .map((i) => i.id);
    expect(byEnd2024).toEqual(["2.2", "2.3", "3.3", "3.4", "5.3", "6.1"]);
  });

  it("ends at the attachment list: the last entry is 九(三) with its own parenthesis", () => {
    expect(puyang.items.at(-1)?.text.endsWith("(市委宣传部、市生态环境局按职责分工负责)")).toBe(true);
  });
});

describe("Kaifeng 2024: a plan title with no notice title, items numbered across sections, a county site's footer", () => {
  it("has no notice title and no issuer: they are null, not errors", () => {
    expect(kaifeng2024.meta).toMatchObject({
      title: null,
      planTitle: "开封市空气质量持续改善行动实施方案",
      issuer: null,
      docNumber: null,
      signed: "2024-06-25",
      implements: ["豫政〔2024〕12号"],
    });
    expect(kaifeng2024.profile).toMatchObject({ level: "city", place: { zh: "开封市", en: "Kaifeng" } });
  });

  it("keeps the printed numbers running on across sections", () => {
    expect(kaifeng2024.items.map((i) => i.number)).toEqual(Array.from({ length: 34 }, (_, k) => k + 1));
    expect(idsAt(kaifeng2024, 2).slice(0, 4)).toEqual(["1.1", "1.2", "2.3", "2.4"]);
    expect(entry(kaifeng2024, "5.17")).toMatchObject({ label: "五(十七)", title: "强化城市道路扬尘管控" });
    expect(entry(kaifeng2024, "6.22").label).toBe("六(二十二)");
  });

  it("reads 〔〕 with a county clause, and two parentheses in one item", () => {
    expect(roles(kaifeng2024, "5.16")).toEqual({
      市住房城乡建设局: "lead",
      市城市管理局: "support",
      市交通运输局: "support",
      市水利局: "support",
      "各县(区)政府": "responsible",
    });
    expect(roles(kaifeng2024, "4.13")).toEqual({
      市交通运输局: "responsible",
      市城市管理局: "responsible",
      市机关事务中心: "responsible",
      市公安局: "responsible",
      市生态环境局: "responsible",
    });
  });

  it("dates year-less deadlines from the year of their passage", () => {
    expect(dates(kaifeng2024, "6.21")).toEqual([["10月底前", "2025-10-31", true, false]]);
    expect(dates(kaifeng2024, "6.22")).toEqual([
      ["7月底前", "2024-07-31", true, false],
      ["10月底前", "2024-10-31", true, false],
    ]);
    expect(dates(kaifeng2024, "3.11")).toEqual([["2024年采暖季前", "2024-11-15", false, true]]);
  });

  it("leaves the footer's department links out of every entry", () => {
    expect(kaifeng2024.source).toContain("开封市城市管理局");
    const named = kaifeng2024.items.flatMap((i) => i.departments.map((d) => d.name));
    expect(named).not.toContain("开封市城市管理局");
    expect(entry(kaifeng2024, "9.34").text.endsWith("推动形成简约适度、绿色低碳、文明健康的生活方式。")).toBe(
      true,
    );
  });
});

describe("Kaifeng 2025: a page that opens with the notice, three levels, section entries, a closing 印发 line", () => {
  it("reads the title from the later title line and the signature for the issuer", () => {
    expect(kaifeng2025.meta).toMatchObject({
      title: null,
      planTitle: "开封市2025年大气污染防治攻坚十大行动方案",
      issuer: "开封市人民政府办公室",
      signed: "2025-06-13",
      issuedWith: [
        "开封市2025年碧水保卫战实施方案",
        "开封市2025年净土保卫战实施方案",
        "开封市2025年柴油货车污染治理攻坚战实施方案",
      ],
    });
  });

  it("cites text directly under a heading as the section's own entry", () => {
    expect(idsAt(kaifeng2025, 1)).toEqual(["1", "2", "6"]);
    expect(entry(kaifeng2025, "2")).toMatchObject({
      label: "二",
      title: "工作目标",
      level: 1,
      parent: null,
      section: 2,
    });
    expect(entry(kaifeng2025, "2").text.startsWith("全面完成“十四五”大气环境质量目标。")).toBe(true);
  });

  it("has ten actions under 三、 with their numbered tasks", () => {
    const actions = kaifeng2025.items.filter((i) => i.section === 3 && i.level === 2);
    expect(actions.map((i) => i.id)).toEqual(Array.from({ length: 10 }, (_, k) => `3.${k + 1}`));
    expect(actions.map((a) => kaifeng2025.items.filter((i) => i.parent === a.id).length)).toEqual([
      3, 3, 3, 4, 3, 3, 3, 3, 2, 2,
    ]);
    expect(entry(kaifeng2025, "3.1").text).toBe("(一)产业结构优化升级行动");
    expect(entry(kaifeng2025, "3.4.2")).toMatchObject({
      label: "三(四)2.",
      parent: "3.4",
      level: 3,
      title: "开展低效失效污染治理设施整治",
    });
    expect(idsAt(kaifeng2025, 2).filter((id) => !id.startsWith("3."))).toEqual([
      "4.1",
      "4.2",
      "5.1",
      "5.2",
      "5.3",
      "5.4",
    ]);
  });

  it("reads a clause that gives two roles, and the clause of a further paragraph", () => {
    const item = entry(kaifeng2025, "3.1.1");
    expect(item.text).toContain("加快退出5家11条6000万标砖/年以下");
    expect(roles(kaifeng2025, "3.1.1")).toEqual({
      市工业和信息化局: "responsible",
      市发展改革委: "responsible",
      市生态环境局: "responsible",
      各县区政府: "responsible",
      城乡一体化示范区管委会: "responsible",
      市市场监管局: "responsible",
      兰考县政府: "responsible",
      尉氏县政府: "responsible",
    });
    expect(roles(kaifeng2025, "3.8.2")).toMatchObject({ 市生态环境局: "lead", 各县区政府: "responsible" });
    expect(roles(kaifeng2025, "3.7.1")).toEqual({
      市农业农村局: "lead",
      市生态环境局: "support",
      市财政局: "support",
    });
  });

  it("reads day-level deadlines, with the year from the passage where none is written", () => {
    expect(dates(kaifeng2025, "6")).toEqual([
      ["2025年7月15日前", "2025-07-15", false, false],
      ["12月10日前", "2025-12-10", true, false],
    ]);
    expect(dates(kaifeng2025, "3.1.1")).toEqual([
      ["9月底前", "2025-09-30", true, false],
      ["2025年9月底前", "2025-09-30", false, false],
      ["年底前", "2025-12-31", true, false],
    ]);
    expect(dates(kaifeng2025, "3.2.2")).toEqual([["2025年采暖季前", "2025-11-15", false, true]]);
  });

  it("keeps the closing 印发 line out of 六、工作要求", () => {
    expect(entry(kaifeng2025, "6").text.endsWith("本方案未尽事宜,按照国家、省有关要求执行。")).toBe(true);
    expect(kaifeng2025.source).toContain("开封市人民政府办公室 2025年6月13日印发");
  });
});

describe("Xuchang: a number with a space, a standing note in 〔〕, 参与 and 牵头督导", () => {
  it("keeps the document number as written and matches it without the space", () => {
    expect(xuchang.meta).toMatchObject({
      title: "许昌市人民政府关于印发许昌市空气质量持续改善行动方案的通知",
      issuer: "许昌市人民政府",
      docNumber: "许政〔2024〕 17号",
      signed: "2024-07-30",
      implements: ["豫发〔2022〕17号", "豫政〔2024〕12号"],
    });
    expect(docNumberKey(xuchang.meta.docNumber ?? "")).toBe(docNumberKey("许政〔2024〕17号"));
  });

  it("reads the standing note inside 〔〕 and attaches it to every later entry", () => {
    expect(xuchang.standingNotes).toHaveLength(1);
    const note = xuchang.standingNotes[0];
    expect(note).toMatchObject({ from: "2.1", text: "以下各项工作均需各县(市、区)政府落实,不再列出" });
    expect(note?.departments).toEqual([
      { name: "各县(市、区)政府", role: "responsible", written: "各县(市、区)政府" },
    ]);
    const at = xuchang.items.findIndex((i) => i.id === "2.1");
    for (const [k, i] of xuchang.items.entries()) expect(i.standingNote, i.id).toEqual(k > at ? note : null);
    expect(roles(xuchang, "2.1")).toEqual({
      市发展改革委: "responsible",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      "各县(市、区)政府": "responsible",
      市城乡一体化示范区管委会: "responsible",
      经济技术开发区管委会: "responsible",
      东城区管委会: "responsible",
    });
  });

  it("maps 参与 to support and 牵头督导 to lead", () => {
    expect(roles(xuchang, "2.2")).toEqual({
      市工业和信息化局: "lead",
      市发展改革委: "support",
      市生态环境局: "support",
      市自然资源和规划局: "support",
    });
    expect(roles(xuchang, "7.2")).toEqual({ 市生态环境局: "lead" });
    expect(dates(xuchang, "6.2")).toEqual([
      ["2024年年底前", "2024-12-31", false, false],
      ["8月底前", "2025-08-31", true, false],
    ]);
  });

  it("ends before the footer's lists of department and county sites", () => {
    expect(xuchang.items.at(-1)?.id).toBe("9.4");
    expect(xuchang.items.flatMap((i) => i.departments.map((d) => d.name))).not.toContain("许昌市城市管理局");
  });
});

describe("Shanxi: a provincial plan naming the national plan in its title, header lines, three levels", () => {
  it("reads the title, the issuer under it and the page's date; it is provincial with its own heating season", () => {
    expect(shanxi.meta).toMatchObject({
      title: null,
      planTitle: "山西省落实《空气质量持续改善行动计划》实施方案",
      issuer: "山西省人民政府",
      published: "2024-03-22",
      signed: null,
      implements: ["国发〔2023〕24号"],
    });
    expect(shanxi.profile).toMatchObject({
      level: "provincial",
      province: { zh: "山西省", en: "Shanxi" },
      place: { zh: "山西省", en: "Shanxi" },
      heatingSeason: { month: 11, day: 1 },
    });
    expect(
      shanxi.source.slice(shanxi.body.start).startsWith("为贯彻落实国务院《空气质量持续改善行动计划》"),
    ).toBe(true);
  });

  it("numbers 二、工作目标 (一)(二), the paragraph after them belonging to (二)", () => {
    expect(idsAt(shanxi, 1)).toEqual(["1"]);
    expect(idsAt(shanxi, 2).slice(0, 3)).toEqual(["2.1", "2.2", "3.1"]);
    expect(entry(shanxi, "2.2").text.endsWith("各设区城市年度目标根据国家下达的任务另行分解。")).toBe(true);
    expect(idsAt(shanxi, 3).filter((id) => id.startsWith("3.5."))).toEqual([
      "3.5.1",
      "3.5.2",
      "3.5.3",
      "3.5.4",
      "3.5.5",
    ]);
    expect(entry(shanxi, "3.2.4").label).toBe("三(二)4.");
  });

  it("reads provincial departments and the heating season of its province", () => {
    expect(roles(shanxi, "3.1.2")).toEqual({
      省工业和信息化厅: "lead",
      省发展改革委: "support",
      省生态环境厅: "support",
      省能源局: "support",
    });
    expect(roles(shanxi, "3.3.1")).toMatchObject({ 中国铁路太原局集团有限公司: "responsible" });
    expect(roles(shanxi, "3.5.2")).toMatchObject({ 各市人民政府: "responsible" });
    expect(dates(shanxi, "3.2.4")).toEqual([["2024年采暖季前", "2024-11-01", false, true]]);
    expect(dates(shanxi, "3.5.5")).toEqual([["10月底前", "2024-10-31", true, false]]);
  });

  it("ends before 【打印】, 分享到 and 相关稿件", () => {
    expect(shanxi.items.at(-1)?.id).toBe("7.3");
  });
});

describe("task lists as tables, nested places, clauses that close an item's points", () => {
  const shaanxi = planOf("shaanxi-air-tasks-2024");
  const zhangdian = planOf("zhangdian-air-2024");
  const linquan = planOf("linquan-air-2024");

  it("reads a table copied one cell per line: rows are entries, columns say who leads, who supports, by when", () => {
    expect(idsAt(shaanxi, 2)).toHaveLength(30);
    expect(entry(shaanxi, "2.7").title).toBe("持续推进北方地区清洁取暖");
    expect(roles(shaanxi, "2.7")).toEqual({
      省住房城乡建设厅: "lead",
      省发展改革委: "support",
      省财政厅: "support",
      省能源局: "support",
      国网陕西省电力有限公司: "support",
    });
    expect(entry(shaanxi, "2.7").deadlines.map((d) => d.date)).toContain("2024-10-31");
    // The note under the table is no column of the last row.
    expect(roles(shaanxi, "6.30")).toMatchObject({ 省财政厅: "lead", 省发展改革委: "support" });
  });

  it("reads a table written one row per line, its cells parted by tabs", () => {
    const source = [
      "某市2024年大气污染防治重点任务清单",
      "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
      "一、工业源治理",
      "1\t锅炉整治\t淘汰10蒸吨/小时以下燃煤锅炉。\t市生态环境局\t市市场监管局、市发展改革委\t2024年9月底前",
      "2\t炉窑治理\t推进工业炉窑清洁能源替代。\t市工业和信息化局\t市生态环境局\t2024年12月底前",
      "二、移动源治理",
      "3\t货车治理\t淘汰国三柴油货车。\t市交通运输局\t市公安局\t2025年6月底前",
    ].join("\n");
    const p = parsePlan("tabbed-table", source, { genre: loadGenreData("data") });
    expect(p.items.map((i) => i.id)).toEqual(["1.1", "1.2", "2.3"]);
    expect(roles(p, "1.1")).toEqual({
      市生态环境局: "lead",
      市市场监管局: "support",
      市发展改革委: "support",
    });
    expect(dates(p, "2.3").map((d) => d[1])).toEqual(["2025-06-30"]);
    expect(entry(p, "1.2").title).toBe("炉窑治理");
  });

  it("names a district's plan by the district, not the city around it", () => {
    expect(zhangdian.profile.place).toEqual({ zh: "张店区", en: "Zhangdian" });
    expect(zhangdian.profile.placeAliases).toContain("张店");
  });

  it("gives a clause on its own line after an item's points to the item, not to its last point", () => {
    expect(roles(linquan, "3.2")).toMatchObject({ 县经信局: "lead", 县市场监管局: "support" });
    expect(roles(linquan, "3.2.3")).toEqual({});
    // A clause at the end of an item without points stays its own.
    expect(roles(linquan, "3.3")).toMatchObject({ 县发展改革委: "support" });
  });
});

describe("the signature under an attachment list", () => {
  it("reads the issuer and date that stand below the attachments' names", () => {
    expect(planOf("luyi-air-quality-2025").meta).toMatchObject({
      issuer: "鹿邑县人民政府办公室",
      signed: "2025-04-15",
    });
    const source = [
      "某县人民政府关于印发某县空气质量持续改善行动方案的通知",
      "一、重点任务",
      "（一）淘汰燃煤锅炉。2024年年底前完成。（县生态环境分局牵头）",
      "附件：1.重点项目清单",
      "2.任务分解表",
      "",
      "某县人民政府",
      "2024年8月28日",
      "（此件公开发布）",
    ].join("\n");
    const p = parsePlan("signed-below-attachments", source, { genre: loadGenreData("data") });
    expect(p.meta).toMatchObject({ issuer: "某县人民政府", signed: "2024-08-28" });
    expect(p.items.map((i) => i.id)).toEqual(["1.1"]);
    // An attachment's own text under its list is no signature.
    const attached = source.replace(
      "某县人民政府\n2024年8月28日",
      "附件1\n重点项目清单\n序号 项目 完成时间 2024年9月",
    );
    expect(parsePlan("attachment-text", attached, { genre: loadGenreData("data") }).meta.signed).toBeNull();
  });
});

describe("departments in a closing sentence, a month under a deadline label", () => {
  const liaocheng = planOf("liaocheng-blue-sky-2019");
  const huaiyuan = planOf("huaiyuan-air-pollution-2024");

  it("reads 由…牵头，…配合，各县（市、区）人民政府负责落实。 ending an item, outside any bracket", () => {
    expect(roles(liaocheng, "6.18")).toEqual({
      市城市管理局: "lead",
      市交通运输局: "support",
      市生态环境局: "support",
      市公路事业发展中心: "support",
    });
    expect(roles(liaocheng, "4.6")).toMatchObject({
      市住房城乡建设局: "lead",
      "各县(市、区)人民政府": "responsible",
    });
    // …配合，长期坚持。: a time closing the sentence.
    expect(roles(liaocheng, "6.20")).toMatchObject({ 市公安局: "lead", 市市场监管局: "support" });
  });

  it("reads the department that is a sentence's subject in an item without a clause, not in a plan that assigns none", () => {
    const lingbi = planOf("lingbi-blue-sky-2019");
    expect(roles(lingbi, "8")).toEqual({ 县财政局: "responsible" });
    expect(planOf("mee-joint-vocs-2021").items.every((i) => i.departments.length === 0)).toBe(true);
  });

  it("dates a year-less 年底前 of a plan about one year in that year, and not in a plan of several", () => {
    const dezhou = planOf("dezhou-air-pollution-2025");
    expect(
      dezhou.items.flatMap((i) => i.deadlines.map((d) => d.date)).every((d) => d.startsWith("2025")),
    ).toBe(true);
    const heating = { heatingSeason: { month: 11, day: 15 } };
    expect(parseDeadlines("年底前完成排查", { ...heating, year: 2025 }).map((d) => d.date)).toEqual([
      "2025-12-31",
    ]);
    expect(parseDeadlines("年底前完成排查", heating)).toEqual([]);
  });

  it("dates 完成时间：2024年9月 to the month's end, but not a month that merely starts a sentence", () => {
    expect(dates(huaiyuan, "2.3").map((d) => d[1])).toEqual(["2024-09-30"]);
    const heating = { heatingSeason: { month: 11, day: 15 } };
    expect(parseDeadlines("完成时限：2025年2月", heating).map((d) => d.date)).toEqual(["2025-02-28"]);
    expect(parseDeadlines("2024年9月，全县开展专项检查。", heating)).toEqual([]);
  });

  it("reads 每年9月底前 as a yearly deadline from the passage's year, else the year the plan was signed", () => {
    const zhangdian = planOf("zhangdian-air-2024");
    const yearly = zhangdian.items.flatMap((i) => i.deadlines).filter((d) => d.recurring);
    expect(yearly.map((d) => d.text)).toContain("每年9月底前");
    const heating = { heatingSeason: { month: 11, day: 15 } };
    const read = (text: string, o: object) => parseDeadlines(text, { ...heating, ...o });
    expect(read("每年10月底前完成清单修订", { since: 2023 }).map((d) => [d.date, d.recurring])).toEqual([
      ["2023-10-31", true],
    ]);
    expect(read("2024年起，每年1月底前报送", {}).map((d) => d.date)).toEqual(["2024-01-31"]);
    expect(read("每年10月底前完成清单修订", {})).toEqual([]);
    // Monthly forms recur too often to be a deadline.
    expect(read("每月5日前报送", { since: 2023 })).toEqual([]);
  });

  it("shows a yearly deadline's next occurrence and never calls it passed", () => {
    const d = { date: "2023-09-30", recurring: true };
    expect(dueDate(d, "2026-11-29")).toBe("2027-09-30");
    expect(dueDate(d, "2026-09-30")).toBe("2026-09-30");
    expect(dueDate({ date: "2028-09-30", recurring: true }, "2026-11-29")).toBe("2028-09-30");
    expect(dueDate({ date: "2024-02-29", recurring: true }, "2025-01-01")).toBe("2025-02-28");
    expect(dueDate({ date: "2023-09-30", recurring: false }, "2026-11-29")).toBe("2023-09-30");
  });
});

describe("openings of real pages, cut mid-sentence", () => {
  const openings = loadCorpus("test/fixtures/corpus");
  const opening = (doc: string) => openings.plans.find((p) => p.doc === doc) as Plan;

  it("all load without a warning", () => {
    expect(openings.warnings).toEqual([]);
    expect(openings.plans).toHaveLength(5);
  });

  it("give the title, issuer, number and levels they contain", () => {
    expect(opening("puyang-2024-opening").meta).toMatchObject({
      title: "濮阳市人民政府关于印发濮阳市空气质量持续改善行动实施方案的通知",
      issuer: "濮阳市人民政府",
      docNumber: "濮政〔2024〕11号",
      signed: "2024-08-13",
    });
    expect(opening("puyang-2024-opening").items.map((i) => i.id)).toEqual(["1.1"]);

    expect(opening("kaifeng-2024-opening").meta).toMatchObject({
      title: null,
      planTitle: "开封市空气质量持续改善行动实施方案",
      issuer: null,
      docNumber: null,
    });
    expect(opening("kaifeng-2024-opening").items.map((i) => i.id)).toEqual(["1.1", "1.2", "2.3"]);

    expect(opening("kaifeng-2025-opening").meta).toMatchObject({
      planTitle: "开封市2025年大气污染防治攻坚十大行动方案",
      signed: "2025-06-13",
    });
    expect(opening("kaifeng-2025-opening").items.map((i) => [i.id, i.level])).toEqual([
      ["1", 1],
      ["2", 1],
      ["3.1", 2],
      ["3.1.1", 3],
    ]);

    expect(opening("xuchang-2024-opening").meta).toMatchObject({
      issuer: "许昌市人民政府",
      docNumber: "许政〔2024〕 17号",
      signed: "2024-07-30",
    });
    expect(opening("xuchang-2024-opening").items.map((i) => i.id)).toEqual(["1.1", "1.2", "2.1"]);

    expect(opening("shanxi-2024-opening").meta).toMatchObject({
      planTitle: "山西省落实《空气质量持续改善行动计划》实施方案",
      issuer: "山西省人民政府",
      published: "2024-03-22",
    });
    expect(opening("shanxi-2024-opening").items.map((i) => i.id)).toEqual([
      "1",
      "2.1",
      "2.2",
      "3.1",
      "3.1.1",
    ]);
  });
});

describe("a corrupt, binary or empty file next to good ones", () => {
  it("is skipped with a warning naming it; the others load", () => {
    const dir = tempDir("corpus");
    writeFileSync(join(dir, "a-good.txt"), readFileSync(join(DEV, "xuchang-air-quality-2024.txt")));
    writeFileSync(
      join(dir, "b-binary.txt"),
      Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 37) % 256)),
    );
    writeFileSync(join(dir, "c-empty.txt"), "");
    writeFileSync(
      join(dir, "d-cut.txt"),
      "许昌市人民政府关于印发许昌市空气质量持续改善行动方案的通知\n许政〔2024〕 17号\n",
    );
    mkdirSync(join(dir, "e-folder.txt"));
    writeFileSync(join(dir, "f-good.txt"), readFileSync("test/fixtures/corpus/shanxi-2024-opening.txt"));
    const c = loadCorpus(dir);
    expect(c.plans.map((p) => p.doc)).toEqual(["a-good", "f-good"]);
    expect(c.warnings.map((w) => w.file)).toEqual([
      "b-binary.txt",
      "c-empty.txt",
      "d-cut.txt",
      "e-folder.txt",
    ]);
    for (const w of c.warnings) expect(w.reason.length).toBeGreaterThan(0);
  });
});

describe("the same documents written differently", () => {
  const genre = loadGenreData("data");
  const shape = (p: Plan) =>
    p.items.map((i) => [
      i.id,
      i.label,
      i.title,
      i.departments.map((d) => `${d.name}:${d.role}`).join(","),
      i.deadlines.map((d) => d.date).join(","),
    ]);

  it("parses a page with CRLF line ends and full-width indentation alike", () => {
    const source = kaifeng2025.source
      .split("\n")
      .map((l) => (l.trim() === "" ? l : `\u3000\u3000${l}`))
      .join("\r\n");
    const p = parsePlan("indented", source, { genre });
    expect(shape(p)).toEqual(shape(kaifeng2025));
    expect(p.meta).toEqual(kaifeng2025.meta);
    for (const i of p.items) expect(p.source.slice(i.span.start, i.span.end)).toBe(i.text);
  });

  it("parses full-width brackets and 1． / 1、 numbers alike", () => {
    let n = 0;
    const source = kaifeng2025.source
      .replace(/^\((.)\)/gm, "（$1）")
      .replace(/^(\d+)\./gm, (_m, d: string) => (n++ % 2 === 0 ? `${d}．` : `${d}、`));
    const p = parsePlan("full-width", source, { genre });
    expect(p.items.map((i) => [i.id, i.label])).toEqual(kaifeng2025.items.map((i) => [i.id, i.label]));
  });

  it("gives the one clause closing the last of several 1. 2. tasks to their heading, where tasks close on clauses", () => {
    const source = [
      "X市空气质量工作方案",
      "一、重点任务",
      "（一）淘汰落后产能。2025年6月底前退出砖瓦轮窑。（市工业和信息化局牵头，市生态环境局按职责分工负责）",
      "（二）治理燃煤锅炉。全面淘汰10蒸吨以下燃煤锅炉。（市生态环境局牵头，市市场监管局按职责分工负责）",
      "（三）强化柴油货车管控。",
      "1.淘汰国三及以下营运柴油货车。",
      "2.开展路检路查。",
      "3.打击排放检验机构弄虚作假。（市生态环境局牵头，市公安局、市交通运输局按职责分工负责）",
      "（四）深化扬尘治理。",
      "1.施工扬尘。落实六个百分之百。（市住房城乡建设局牵头）",
      "2.道路扬尘。提高机械化清扫率。（市城市管理局牵头）",
      "（五）加强秸秆禁烧。",
      "1.落实网格化监管。（市农业农村局牵头）",
    ].join("\n");
    const p = parsePlan("last-task-clause", source, { genre });
    const leads = (id: string) =>
      p.items
        .find((i) => i.id === id)
        ?.departments.filter((d) => d.role === "lead")
        .map((d) => d.name);
    // The clause under the last of three tasks none of which had one: the heading's.
    expect(leads("1.3")).toEqual(["市生态环境局"]);
    expect(leads("1.3.3")).toEqual([]);
    // Tasks that each close on their own clause keep them, as does a sole 1.
    expect(leads("1.4")).toEqual([]);
    expect(leads("1.4.2")).toEqual(["市城市管理局"]);
    expect(leads("1.5")).toEqual([]);
    expect(leads("1.5.1")).toEqual(["市农业农村局"]);
  });

  it("reads a fourth level (1) under 1.", () => {
    const source = [
      "X市空气质量工作方案",
      "一、重点任务",
      "(一)产业结构",
      "1.淘汰落后产能。全面排查。",
      "(1)砖瓦窑。2025年6月底前退出。(市工业和信息化局牵头)",
      "(2)石灰窑。2025年,开展整治,9月底前完成。",
      "2.集群改造。按要求推进。",
      "二、保障措施",
      "加强组织领导。",
    ].join("\n");
    const p = parsePlan("four-levels", source, { genre });
    expect(p.items.map((i) => [i.id, i.label, i.level, i.parent])).toEqual([
      ["1.1", "一(一)", 2, null],
      ["1.1.1", "一(一)1.", 3, "1.1"],
      ["1.1.1.1", "一(一)1.(1)", 4, "1.1.1"],
      ["1.1.1.2", "一(一)1.(2)", 4, "1.1.1"],
      ["1.1.2", "一(一)2.", 3, "1.1"],
      ["2", "二", 1, null],
    ]);
    expect(p.items.find((i) => i.id === "1.1.1")?.text).toBe("1.淘汰落后产能。全面排查。");
    expect(
      p.items.find((i) => i.id === "1.1.1.2")?.deadlines.map((d) => [d.date, d.yearFromContext]),
    ).toEqual([["2025-09-30", true]]);
    expect(p.meta).toMatchObject({
      title: null,
      planTitle: "X市空气质量工作方案",
      issuer: null,
      signed: null,
    });
  });
});

describe("a joint national notice (written for this test): ministries stacked above the date, 抄送 after the body", () => {
  const [joint] = loadCorpus("test/fixtures/joint").plans;
  it("names every issuer, tells what it implements from what it issues, and ends the body at 抄送", () => {
    expect(joint?.meta).toMatchObject({
      issuer: "生态环境部、国家发展和改革委员会、工业和信息化部",
      signed: "2021-08-04",
      docNumber: "环大气〔2021〕65号",
      implementsTitles: ["中共中央 国务院关于深入打好污染防治攻坚战的意见"],
      issuedWith: [],
    });
    expect(joint?.profile.level).toBe("national");
    const last = joint?.items.at(-1);
    expect(last?.id).toBe("3.5");
    expect(last?.text).not.toContain("抄送");
    expect(last?.text.endsWith("2021年底前建立LDAR制度。")).toBe(true);
  });
});

describe("labelled responsibility lists (a county plan, a 2018 city plan, a provincial four-level plan)", () => {
  it("reads a 责任单位 line under the item, with （牵头） and towns sharing their government", () => {
    const item = planOf("xihua-county-2025").items.find((i) => i.id === "3.2.1");
    expect(item?.departments.map((d) => [d.name, d.role])).toEqual([
      ["县工信局", "lead"],
      ["县自然资源局", "responsible"],
      ["市生态环境局西华分局", "responsible"],
      ["县供电公司", "responsible"],
      ["红花集镇人民政府", "responsible"],
      ["聂堆镇人民政府", "responsible"],
    ]);
  });

  it("reads 牵头单位；配合单位；责任单位 sentences, keeping names beside a piece that is no department", () => {
    const item = planOf("yichun-2018-2020").items.find((i) => i.id === "5.14");
    expect(item?.departments.map((d) => [d.name, d.role])).toEqual([
      ["市交通运输局", "lead"],
      ["市发展改革委", "support"],
      ["市商务局", "support"],
      ["宜春车务段", "support"],
      ["各县(市、区)人民政府", "responsible"],
    ]);
  });

  it("reads departments at the fourth level", () => {
    const plan = planOf("hunan-ozone-2023");
    expect(plan.items.some((i) => i.level === 4 && i.departments.length > 0)).toBe(true);
    expect(plan.meta.issuer).toBe("湖南省生态环境厅、湖南省发展和改革委员会");
  });
});

describe("conventions stated once: the opening's notes, a department as issuer, a clause closing points", () => {
  const cangzhou = planOf("cangzhou-autumn-winter-2024");
  const hubei = planOf("hubei-air-workplan-2025");
  const gansu = planOf("gansu-air-quality-2024");

  it("reads 排在第一位的为牵头单位，其余为配合单位 for every 【责任单位】 list", () => {
    expect(roles(cangzhou, "3.1")).toEqual({
      市生态环境局: "lead",
      市工业和信息化局: "support",
      市发展改革委: "support",
    });
    const read = (opening: string) => readPlanConventions(opening).othersAfterLead;
    expect(read("（说明：【责任单位】中排在第一位的为牵头单位，其余为配合单位。）")).toBe("support");
    expect(read("排名第一的单位为牵头单位，其余为责任单位")).toBe("responsible");
    expect(read("各地要落实属地责任。")).toBeNull();
  });

  it("reads who carries out every task from the opening, for every entry", () => {
    const note = hubei.standingNotes[0];
    expect(note?.from).toBe("");
    expect(note?.departments.map((d) => d.name)).toEqual(["各市、州、直管市、神农架林区人民政府"]);
    expect(hubei.items.every((i) => i.standingNote?.text === note?.text)).toBe(true);
    expect(cangzhou.standingNotes[0]?.departments.map((d) => d.name)).toContain("各县(市、区)人民政府");
    // A sentence about responsibility in general is no note.
    expect(
      readPlanConventions("各县（市、区）人民政府是本行政区域空气质量的责任主体。").standingNote,
    ).toBeNull();
  });

  it("places a document a provincial department issues, and a title's 全省 is no place", () => {
    expect(hubei.profile.place?.zh).toBe("湖北省");
    expect(hubei.profile.name.en).toBe("Hubei 2025 Air Pollution Control Work Plan");
    expect(cangzhou.profile.name.en).toBe(
      "Cangzhou 2024–2025 Autumn-Winter Air Pollution Campaign Action Plan",
    );
  });

  it("gives the clause that closes an item's last point to the item, unless its points have their own", () => {
    expect(roles(gansu, "3.1.3")).toMatchObject({ 省工业和信息化厅: "lead", 省自然资源厅: "support" });
    expect(entry(gansu, "3.1.3.3").departments).toEqual([]);
    // 集团 is an organisation: the clause naming 省民航机场集团 is read.
    expect(roles(gansu, "3.3.3")).toMatchObject({ 省生态环境厅: "lead", 省民航机场集团: "support" });
  });
});

describe("a division-of-labour table after the body (附件：重点任务分工表)", () => {
  const huaibei = planOf("huaibei-air-quality-2024");

  it("gives the item each row names its departments and the deadlines of its 完成时限 cell", () => {
    expect(roles(huaibei, "2.2")).toMatchObject({
      市经信局: "lead",
      市发展改革委: "responsible",
      国网淮北供电公司: "responsible",
    });
    expect(entry(huaibei, "2.2").deadlines.map((d) => d.date)).toEqual(["2024-12-31", "2025-06-30"]);
    // The table's rows are no entries of their own, and the body keeps its sections.
    expect(huaibei.items.map((i) => i.id)).not.toContain("1");
    expect(idsAt(huaibei, 2)).toContain("10.4");
  });

  it("reads the table's rows and columns, and stops where the page goes on", () => {
    const lines = (text: string) =>
      text.split("\n").map((t, i) => ({ text: t, start: i, end: i + t.length }));
    const rows = readDivisionTable(
      lines(
        "序号\t方案条目\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t二（一）\t任务甲\t市生态环境局\t市公安局\t2024年底前\n【打印本页】　【关闭窗口】",
      ),
    );
    expect(rows.map((r) => r.item)).toEqual(["二（一）"]);
    expect(rows[0]?.cells.find((c) => c.kind === "support")?.text).toBe("市公安局");
  });
});

describe("paragraphs counted in words, clauses inside the text, a joint notice's place", () => {
  const wenan = planOf("wenan-air-pollution-2025");
  const suining = planOf("suining-air-quality-2024");

  it("reads 第一，第二，… under a section as its items, with 此项工作由X负责，Y配合 as their departments", () => {
    expect(entry(wenan, "2.2").label).toBe("二、第二");
    expect(roles(wenan, "2.2")).toMatchObject({
      县工业和信息化局: "responsible",
      县市场监督管理局: "support",
    });
    // The page's 附件下载 link ends the last entry.
    expect(entry(wenan, "8.4").text).not.toContain("附件下载");
  });

  it("places a county branch's notice in the county, and a joint notice by its government issuer", () => {
    expect(wenan.profile.place?.zh).toBe("文安县");
    expect(suining.profile.place?.zh).toBe("遂宁市");
    // A one-character county, and a notice title's 县政府办公室 completed from the page's fields.
    const pei = planOf("peixian-air-pollution-2025");
    expect(pei.profile.place?.zh).toBe("沛县");
    expect(pei.meta.issuer).toBe("沛县人民政府办公室");
  });

  it("keeps the clause after the last of points that each have one on that point", () => {
    expect(roles(suining, "7.1.3")).toMatchObject({ 市商务局: "lead" });
    expect(entry(suining, "7.1").departments).toEqual([]);
  });
});

describe("measures numbered on under their headings, and who does them written as a sentence", () => {
  const shuyang = planOf("shuyang-autumn-winter-2024");
  it("keeps the printed number of measures 1．…35． that run on under (一)…(六)", () => {
    expect(entry(shuyang, "3.2.9").label).toBe("三(二)9.");
    expect(entry(shuyang, "3.6.35").title).toBe("加强区域联防联控");
  });

  it("reads A会同B、C as A leading and B, C supporting, and A、B按职责分工负责 as both responsible", () => {
    expect(rolePairs(shuyang, "3.1.2")).toEqual([
      ["县生态环境局", "lead"],
      ["县市场监管局", "support"],
      ["县发展改革委", "support"],
    ]);
    expect(entry(shuyang, "3.4.21").departments.map((d) => d.role)).toEqual(["responsible", "responsible"]);
  });
});

describe("a 责任单位 line with its deadline beside it, and the roles the opening gives unmarked names", () => {
  const hebi = planOf("hebi-air-action-2025");
  it("ends the list at 完成时限 and reads 未标注的为配合单位 for names beside a marked lead", () => {
    expect(rolePairs(hebi, "2.3.2")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市生态环境局", "support"],
      ["市自然资源和规划局", "support"],
    ]);
    // A single name is responsible, as the opening says.
    expect(entry(hebi, "3.1").departments.map((d) => d.role)).toEqual(["responsible"]);
  });

  it("reads 参与部门 and a standing note on 本辖区任务落实", () => {
    const suqian = planOf("suqian-ozone-control-2025");
    expect(entry(suqian, "2.3").departments.map((d) => d.role)).toEqual(["lead", "support"]);
    expect(hebi.standingNotes[0]?.departments.map((d) => d.name)).toContain("各县区人民政府");
    expect(suqian.standingNotes).toHaveLength(1);
  });

  it("names a new area by the area, in the province its title opens with", () => {
    const tianfu = planOf("tianfu-air-pollution-2025");
    expect(tianfu.profile.place).toEqual({ zh: "天府新区", en: "Tianfu New Area" });
    expect(tianfu.profile.placeAliases).toContain("天府");
    expect(tianfu.profile.province?.zh).toBe("四川省");
    expect(tianfu.profile.placeAliases).toContain("Tianfu");
  });

  it("names a 示范区 by its place (济源, Jiyuan), not by the place and half the suffix", () => {
    const jiyuan = planOf("jiyuan-air-quality-2025");
    expect(jiyuan.profile.place).toEqual({ zh: "济源示范区", en: "Jiyuan Demonstration Zone" });
    expect(jiyuan.profile.placeAliases).toEqual(expect.arrayContaining(["济源", "Jiyuan"]));
    expect(jiyuan.profile.placeAliases).not.toContain("济源示范");
  });

  it("dates a plan titled as no kind of plan (…重点工作任务) by its notice's date, its title line ending the notice", () => {
    const huainan = planOf("huainan-air-quality-2024");
    expect(huainan.meta.planTitle).toBe("淮南市2024年大气污染防治重点工作任务");
    expect(huainan.meta.signed).toBe("2024-04-12");
  });
});

describe("circled points, chapters and articles, a task table by number, dashes and 主办/协办", () => {
  it("reads ①②③ as points and a 责任分工 line after the last as the task's: X主办 leads, Y协办 supports", () => {
    const jincheng = planOf("jincheng-key-projects-2025");
    expect(entry(jincheng, "3.1.2").label).toBe("三1.②");
    expect(rolePairs(jincheng, "3.1")).toEqual([
      ["市生态环境局", "lead"],
      ["市工业和信息化局", "support"],
      ["市交通运输局", "support"],
    ]);
    expect(entry(jincheng, "3.1.3").departments).toEqual([]);
  });

  it("gives each task of a body numbered 1.…34. the row of the attached table with its number", () => {
    const fuping = planOf("fuping-air-pollution-2024");
    const task = entry(fuping, "3.8");
    // The table's 责任单位 beside its 配合单位 leads.
    expect(task.departments.map((d) => d.role)).toEqual(["lead", "support", "support"]);
    expect(task.deadlines.map((d) => d.date)).toContain("2024-10-31");
  });

  it("reads 第一章 as sections and 第一条 as articles numbered through the document, 主办单位 lines as roles", () => {
    const shaoguan = planOf("shaoguan-air-quality-2021");
    expect(shaoguan.sections.map((s) => s.label).slice(0, 2)).toEqual(["第一章", "第二章"]);
    const article = entry(shaoguan, "5.23");
    expect(article.label).toBe("第五章第二十三条");
    expect(article.departments[0]).toMatchObject({ name: "市生态环境局", role: "lead" });
    // A page footer's 主办单位 ends the body; a task's 主办单位 line does not.
    expect(shaoguan.items.at(-1)?.id).toBe("9.42");
  });

  it("reads a ——X牵头，Y配合 sentence, and a dash before names with no verb as who carries the task out", () => {
    const wuhai = planOf("wuhai-air-pollution-2025");
    expect(entry(wuhai, "2.1").departments[0]).toMatchObject({ name: "市发展改革委", role: "lead" });
    expect(entry(wuhai, "3.8").departments).toEqual([
      expect.objectContaining({ name: "市能源局", role: "responsible" }),
    ]);
    // After the last (2), the dash sentence is the task's.
    expect(entry(wuhai, "4.14").departments.map((d) => d.role)).toContain("lead");
  });
});

describe("a bracket of bare names closing an item, read by the role the issuing notice gives it", () => {
  const ningxia = planOf("ningxia-air-work-points-2024");
  it("reads 括号内所列单位为牵头单位 in the notice: every name in a closing bracket leads", () => {
    expect(rolePairs(ningxia, "2.1")).toEqual([
      ["自治区发展改革委", "lead"],
      ["自治区工业和信息化厅", "lead"],
    ]);
  });

  it("names a region's plan by the region, its issuer from the page when the notice writes 自治区 alone", () => {
    expect(ningxia.profile.place).toEqual({ zh: "宁夏回族自治区", en: "Ningxia" });
    expect(ningxia.meta.issuer).toBe("宁夏回族自治区人民政府办公厅");
  });

  it("reads named actions 行动一：… as sections", () => {
    const yiwu = planOf("yiwu-air-quality-action-2025");
    expect(yiwu.sections[0]).toMatchObject({ number: 1, label: "行动一" });
    expect(entry(yiwu, "2.1").label).toBe("行动二1.");
  });

  it("reads a task list that is the body itself, one tab-parted row a line, a category cell left empty under its first row", () => {
    const suihua = planOf("suihua-air-pollution-2025");
    expect(suihua.items.filter((i) => i.section === 3 && i.level === 2)).toHaveLength(36);
    expect(entry(suihua, "3.2").title).toBe("淘汰落后低效产能");
    expect(rolePairs(suihua, "3.2")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展改革委", "support"],
      ["市生态环境局", "support"],
      ["市自然资源局", "support"],
    ]);
    expect(entry(suihua, "3.6").deadlines.map((d) => d.date)).toEqual(["2025-10-15"]);
  });

  it("reads decimal numbers 2.3 as the items of section 二, and department-first clauses X：牵头…；Y：负责…；Z：配合…", () => {
    const changshou = planOf("changshou-air-quality-2024");
    expect(entry(changshou, "2.3").label).toBe("2.3");
    expect(rolePairs(changshou, "2.5")).toEqual([
      ["区生态环境局", "lead"],
      ["区经济信息委", "responsible"],
      ["区市场监管局", "support"],
      ["区商务委", "support"],
    ]);
    expect(changshou.meta.signed).toBe("2024-09-19");
    expect(changshou.profile.name.zh).toBe("长寿区空气质量持续改善行动实施方案（2024—2025年）");
  });

  it("gives an action's tasks the departments of its （二）责任单位 entry, marked as taken from it", () => {
    const anshan = planOf("anshan-blue-sky-2025");
    expect(rolePairs(anshan, "3.2")[0]).toEqual(["市工业和信息化局", "lead"]);
    const task = entry(anshan, "3.1.2").departments.find((d) => d.name === "市工业和信息化局");
    expect(task).toMatchObject({ role: "lead", from: "3.2" });
    expect(entry(anshan, "3.2").departments.every((d) => d.from === undefined)).toBe(true);
  });

  it("counts items headed 【标题】 in order within their section, a list's marked lead by the opening's rule", () => {
    const guixi = planOf("guixi-air-quality-2025");
    expect(entry(guixi, "2.1")).toMatchObject({ title: "严把项目准入关", label: "二【1】" });
    expect(rolePairs(guixi, "2.1")).toEqual([
      ["市发改委", "lead"],
      ["市工信局", "support"],
      ["鹰潭市贵溪生态环境局", "support"],
      ["市自然资源局", "support"],
    ]);
    // A 【责任单位】 label is no item.
    expect(planOf("kaifeng-air-action-2025").items.some((i) => i.title.startsWith("责任单位"))).toBe(false);
  });

  it("reads tasks numbered 2-1 as the items of section 二, with their 牵头单位/配合单位 lines", () => {
    const chifeng = planOf("chifeng-air-pollution-2024");
    expect(entry(chifeng, "2.2")).toMatchObject({ label: "2.2", title: "淘汰落后低效产能" });
    expect(rolePairs(chifeng, "2.2")[0]).toEqual(["市工业和信息化局", "lead"]);
  });

  it("writes out the short names a plan says its brackets use (生态环境 → 省生态环境厅), keeping them as written", () => {
    const hlj = planOf("heilongjiang-air-pollution-2025");
    expect(entry(hlj, "2.1").departments.map((d) => [d.name, d.written, d.role])).toEqual([
      ["省发展改革委", "发展改革", "lead"],
      ["省工业和信息化厅", "工业和信息化", "support"],
      ["省生态环境厅", "生态环境", "support"],
    ]);
  });

  it("reads parts 第一部分 as sections, and a 主要责任单位 beside 其他责任单位 as the lead", () => {
    const fuling = planOf("fuling-air-quality-2024");
    expect(fuling.sections[1]).toMatchObject({ number: 2, label: "第二部分", title: "重点任务" });
    expect(entry(fuling, "2.1.2").label).toBe("第二部分(一)2.");
    expect(roles(fuling, "2.1.2")).toMatchObject({ 区经济信息委: "lead", 区发展改革委: "support" });
  });

  it("reads a list broken over lines and pages, as text copied from a PDF is (市市\n场监督管理局)", () => {
    const jiexiu = planOf("jiexiu-air-pollution-2024");
    expect(entry(jiexiu, "2.4").departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(["市市场监督管理局", "市自然资源局", "连福镇人民政府"]),
    );
    expect(jiexiu.meta.docNumber).toBe("介政办发〔2024〕21号");
    const xiangyang = planOf("xiangyang-air-quality-2025");
    expect(entry(xiangyang, "4.3").departments.map((d) => d.name)).toContain("市市场监管局");
  });

  it("gives tasks listed under a department's heading to it, with those it acts 会同 as support", () => {
    const yongnian = planOf("yongnian-air-pollution-2024");
    expect(rolePairs(yongnian, "3.9.2")).toEqual([
      ["区商务局", "lead"],
      ["区公安分局", "support"],
      ["区市场监督管理局", "support"],
    ]);
    expect(entry(yongnian, "3.9").departments).toEqual([]);
  });

  it("dates the tasks of a section named by its deadline, and gives names after the lead the opening's role", () => {
    const jieyang = planOf("jieyang-air-pollution-2025");
    expect(entry(jieyang, "2.2").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
    expect(entry(jieyang, "2.1").deadlines.map((d) => d.date)).toEqual(["2025-04-30", "2025-06-30"]);
    expect(rolePairs(jieyang, "2.3")).toEqual([
      ["市生态环境局", "lead"],
      ["市商务局", "support"],
      ["市市场监管局", "support"],
    ]);
  });

  it("reads departments a section's closing paragraph assigns by task number (第12、13项由X负责)", () => {
    const xianyou = planOf("xianyou-air-quality-2024");
    expect(rolePairs(xianyou, "2.3")).toEqual([
      ["县工业和信息化局", "lead"],
      ["莆田市仙游生态环境局", "support"],
      ["县自然资源局", "support"],
      ["县住房和城乡建设局", "support"],
    ]);
    expect(rolePairs(xianyou, "4.12")).toEqual([["莆田市仙游生态环境局", "responsible"]]);
    // The paragraph is no part of the task it follows.
    expect(entry(xianyou, "2.5").text).not.toContain("责任分工");
    const anning = planOf("anning-air-quality-2024");
    expect(rolePairs(anning, "4.5")).toEqual([
      ["安宁市烟草专卖局", "lead"],
      ["市农业农村局", "support"],
      ["安宁供电局", "support"],
    ]);
  });

  it("gives a group heading's 牵头单位/配合单位 to its tasks; a task's own lead makes the group's lead support", () => {
    const yingde = planOf("yingde-ozone-2025");
    expect(rolePairs(yingde, "2.3.2").slice(0, 2)).toEqual([
      ["市公安局交通管理大队", "lead"],
      ["市交通运输局", "support"],
    ]);
    expect(rolePairs(yingde, "2.3.1")[0]).toEqual(["市交通运输局", "lead"]);
  });

  it("reads leads marked as the notice says (带★的为牵头单位), and ⑴⑵ points dated by their own clause", () => {
    const zhuji = planOf("zhuji-air-quality-2025");
    expect(rolePairs(zhuji, "2.2.8")).toEqual([
      ["生态环境诸暨分局", "lead"],
      ["市市场监管局", "support"],
      ["市经信局", "support"],
    ]);
    expect(rolePairs(zhuji, "2.3.11")).toEqual([["生态环境诸暨分局", "responsible"]]);
    const anning = planOf("anning-air-quality-2024");
    expect(entry(anning, "3.3.2").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
    expect(entry(anning, "6.1.4").deadlines.map((d) => d.date)).toEqual(["2024-12-31"]);
  });

  it("reads a bracket after the title split by the notice's semicolon rule (分号前为牵头单位，分号后为配合单位)", () => {
    const zouping = planOf("zouping-air-pollution-2025");
    expect(entry(zouping, "2.2").title).toBe("推动落后产能退出");
    expect(rolePairs(zouping, "2.2")[0]).toEqual(["市工业和信息化局", "lead"]);
    expect(rolePairs(zouping, "2.2")[1]).toEqual(["市发展和改革局", "support"]);
    // No semicolon: every name carries the task out.
    expect(rolePairs(zouping, "2.3").map(([, role]) => role)).toEqual(["responsible", "responsible"]);
  });

  it("reads a clause whose time limit follows its names after a semicolon (X牵头，Y配合；2024年10月底前)", () => {
    const zhungeer = planOf("zhungeer-air-pollution-2024");
    expect(rolePairs(zhungeer, "2.1.2")[0]).toEqual(["旗工业和信息化局", "lead"]);
    expect(entry(zhungeer, "2.1.2").deadlines.map((d) => d.date)).toEqual(["2024-10-31"]);
    expect(rolePairs(zhungeer, "2.1.4")).toEqual([["准格尔经济开发区管委会", "responsible"]]);
    // 文　　号：… among the page's fields.
    expect(zhungeer.meta.docNumber).toBe("准政办发〔2024〕18号");
  });

  it("reads points a）b）c） under tasks, and page fields whose values stand on the next line", () => {
    const zigong = planOf("zigong-air-quality-2025");
    expect(entry(zigong, "3.1.2").label).toBe("三1.b)");
    expect(entry(zigong, "3.1.2").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
    const qijiang = planOf("qijiang-air-tasks-2024");
    expect(qijiang.meta.signed).toBe("2024-04-08");
    expect(qijiang.meta.docNumber).toBe("綦江府办发〔2024〕21号");
  });

  it("reads numbers written in one character each (㈠ ⒈), as pages copied from a word processor have them", () => {
    const fanchang = planOf("fanchang-air-quality-2024");
    expect(entry(fanchang, "2.1.1").label).toBe("二(一)1.");
    expect(rolePairs(fanchang, "2.2.1")[0]).toEqual(["区经信局", "lead"]);
    const zhuozhou = planOf("zhuozhou-air-pollution-2025");
    expect(entry(zhuozhou, "4.2.2").title).toBe("淘汰老旧车辆");
  });

  it("follows the opening's rules: 责任单位 support a lead beside them, a default deadline, a default lead", () => {
    const zhuozhou = planOf("zhuozhou-air-pollution-2025");
    expect(rolePairs(zhuozhou, "2.1.2")).toEqual([
      ["市工信局", "lead"],
      ["市发改局", "support"],
    ]);
    // 未注明完成时限的任务，完成时限均为2025年12月31日
    expect(entry(zhuozhou, "2.1.2").deadlines.map((d) => d.date)).toEqual(["2025-12-31"]);
    // 第三部分至第七部分未标明责任单位的措施，由…牵头
    const nanhai = planOf("nanhai-ozone-2025");
    expect(rolePairs(nanhai, "3.6")).toEqual([["佛山市生态环境局南海分局", "lead"]]);
  });

  it("reads a section of duties by department (县发改局：负责…) as those departments' entries", () => {
    const jingyang = planOf("jingyang-autumn-winter-2025");
    expect(rolePairs(jingyang, "4.2")).toEqual([["县发改局", "responsible"]]);
    expect(entry(jingyang, "3.6").departments).toEqual([]);
  });

  it("gives a section heading's departments to its tasks (另由X配合 adds, X牵头，本部分其他单位配合 leads)", () => {
    const xiaoyi = planOf("xiaoyi-air-quality-2024");
    expect(rolePairs(xiaoyi, "3.5")).toEqual([
      ["吕梁市生态环境局孝义分局", "lead"],
      ["市工业和信息化局", "support"],
    ]);
    expect(rolePairs(xiaoyi, "3.6")).toContainEqual(["国网孝义市供电公司", "support"]);
    expect(rolePairs(xiaoyi, "3.6").map(([name]) => name)).not.toContain("另由国网孝义市供电公司");
  });

  it("follows a task's pointer to another's departments (同上, 同本部分（二）1, 同第二部分（四）1)", () => {
    const ninghe = planOf("ninghe-air-quality-2024");
    expect(rolePairs(ninghe, "3.4.3").slice(0, 4)).toEqual(rolePairs(ninghe, "3.4.1"));
    expect(rolePairs(ninghe, "3.4.3")).toContainEqual(["国网天津宁河供电公司", "support"]);
  });

  it("splits points that run on in one paragraph ((1)…；(2)…) into entries, each with its own clause", () => {
    const yulin = planOf("yulin-air-pollution-2025");
    expect(entry(yulin, "2.1.1").deadlines.map((d) => d.date)).toEqual(["2025-05-31"]);
    expect(rolePairs(yulin, "2.1.2")[0]).toEqual(["市市场监督管理局", "lead"]);
  });

  it("reads the rules a plan states at its end (注：排在首位的为牵头单位…；标注“*”的任务…未明确完成时限的…)", () => {
    const boluo = planOf("boluo-air-pollution-2025");
    expect(rolePairs(boluo, "2.1.2").slice(0, 2)).toEqual([
      ["县工业和信息化局", "lead"],
      ["惠州市生态环境局博罗分局", "support"],
    ]);
    // A task marked * with no date of its own is due on the date the note gives; an unmarked one is not.
    expect(entry(boluo, "2.1.1").deadlines.map((d) => d.date)).toEqual(["2025-11-30"]);
    expect(entry(boluo, "2.1").deadlines).toEqual([]);
    const fengtai = planOf("fengtai-autumn-winter-air-2025");
    expect(rolePairs(fengtai, "2.1")[0]).toEqual(["县生态环境分局", "lead"]);
    expect(rolePairs(fengtai, "2.1")[1]?.[1]).toBe("support");
  });

  it("reads a plan in 第X章 and 第X节, with 一、 as a level under a 节", () => {
    const sanming = planOf("sanming-air-plan-2022");
    expect(entry(sanming, "2.3").title).toBe("规划目标");
    expect(entry(sanming, "3.1.2").label).toBe("第三章第一节二、");
    expect(rolePairs(sanming, "3.1.2")[0]).toEqual(["市生态环境局", "lead"]);
    // The standing note inside the first bracket (各县〔市、区〕人民政府…落实，不再列出) leaves its names whole.
    expect(rolePairs(sanming, "3.1.1").map(([name]) => name)).toEqual([
      "市发改委",
      "市工信局",
      "市生态环境局",
    ]);
  });

  it("reads brackets naming a working team (（工业源治理专班；X配合）) by the team's lead and members a later section defines", () => {
    const jiaozuo = planOf("jiaozuo-air-pollution-2025");
    // 专班牵头单位牵头，专班成员单位按职责分工配合 — and a department named after the team adds its role.
    expect(rolePairs(jiaozuo, "2.2.1").slice(0, 2)).toEqual([
      ["市生态环境局", "lead"],
      ["市工业和信息化局", "support"],
    ]);
    expect(rolePairs(jiaozuo, "4.6")).toContainEqual(["市邮政管理局", "support"]);
    // The team's own entry: 牵头单位 leads, 成员单位 support.
    expect(rolePairs(jiaozuo, "7.4")).toContainEqual(["市交通运输局", "support"]);
    // A task opening with its date (1．2025年10月底前，…) is a numbered task, not a decimal.
    expect(entry(jiaozuo, "3.2.1").deadlines.map((d) => d.date)).toEqual(["2025-10-31"]);
  });

  it("reads a notice that names departments as its sentences' subjects (X要牵头…，Y要积极配合), dated in its season", () => {
    const suining = planOf("suining-autumn-winter-2025");
    expect(suining.meta.planTitle).toBe(
      "睢宁县人民政府办公室关于做好2025—2026年秋冬季大气污染防治攻坚工作的通知",
    );
    expect(rolePairs(suining, "2.2.1")).toEqual([
      ["县工业和信息化局", "lead"],
      ["睢宁生态环境局", "support"],
    ]);
    // X要会同Y: Y supports; Y、Z要给予指导: they support.
    expect(rolePairs(suining, "2.1")).toContainEqual(["县工业和信息化局", "support"]);
    expect(rolePairs(suining, "2.7")).toContainEqual(["县工业和信息化局", "support"]);
    // 10月31日前 in a notice signed 2025-10-11 on the 2025—2026 season; 1月15日 falls in the next year.
    expect(entry(suining, "2.1").deadlines.map((d) => d.date)).toContain("2025-10-31");
    expect(entry(suining, "5.2").deadlines.map((d) => d.date)).toEqual(["2026-01-15"]);
  });

  it("reads 职责分工 and 进度安排 sections that point to tasks by part, item and point (第二部分第（五）项第1点)", () => {
    const changxing = planOf("changxing-air-quality-2025");
    expect(rolePairs(changxing, "2.5.1")).toContainEqual(["县经信局", "lead"]);
    expect(rolePairs(changxing, "2.5.3")).toContainEqual(["县交通运输局", "lead"]);
    expect(rolePairs(changxing, "2.5.3")).toContainEqual(["县商务局", "support"]);
    expect(entry(changxing, "4.3").deadlines.map((d) => d.date)).toEqual(["2025-05-31"]);
    // The pointing sections name no department and no deadline of their own.
    expect(entry(changxing, "6").departments).toEqual([]);
    expect(entry(changxing, "7").deadlines).toEqual([]);
  });

  it("reads a task table inside a section whose category and shared cells are merged over rows", () => {
    const ruichang = planOf("ruichang-air-quality-2025");
    expect(entry(ruichang, "3.2").title).toBe("能源结构优化");
    expect(entry(ruichang, "3.2.7").title).toBe("严格控制煤炭消费");
    // Row 9 writes only its support and date: the lead is the row above's.
    expect(rolePairs(ruichang, "3.2.9")).toEqual([
      ["市市场监管局", "lead"],
      ["九江市瑞昌生态环境局", "support"],
    ]);
    // Row 26 writes only its support: the lead and the date are the row above's.
    expect(rolePairs(ruichang, "3.5.26")[0]).toEqual(["市城管局", "lead"]);
    expect(entry(ruichang, "3.5.26").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
  });

  it("reads 抓总 as the lead and 协同 as support, a default deadline 未标注完成时限的任务, and a standing note in the notice", () => {
    const binyang = planOf("binyang-air-quality-2025");
    expect(rolePairs(binyang, "3.3").slice(0, 2)).toEqual([
      ["南宁市宾阳生态环境局", "lead"],
      ["县工业和信息化局", "support"],
    ]);
    expect(entry(binyang, "3.1").deadlines.map((d) => d.date)).toEqual(["2025-12-31"]);
    expect(binyang.items.find((i) => i.id === "3.1")?.standingNote?.departments.map((d) => d.name)).toContain(
      "宾阳工业园区管委会",
    );
  });

  it("reads a responsibility matrix in the attachment (● leads, ○ supports, one column a department)", () => {
    const luquan = planOf("luquan-air-pollution-2024");
    expect(rolePairs(luquan, "3.1")).toEqual([
      ["区发展改革局", "lead"],
      ["区工业和信息化局", "support"],
      ["鹿泉生态环境分局", "support"],
    ]);
    expect(rolePairs(luquan, "6.1")[0]).toEqual(["区住房和城乡建设局", "lead"]);
  });

  it("reads 〔牵头（配合）；时限〕 by the notice's rule 括号外为牵头单位，括号内为配合单位", () => {
    const huian = planOf("huian-air-quality-2024");
    expect(huian.profile.name.en).toMatch(/^Hui'an /);
    expect(huian.profile.placeAliases).toContain("Huian");
    expect(rolePairs(huian, "3.3")).toEqual([
      ["县工信局", "lead"],
      ["惠安生态环境局", "lead"],
      ["县自然资源局", "support"],
      ["县市场监管局", "support"],
    ]);
  });

  it("rebuilds a task table laid out in columns by spaces, its cells wrapped and its rows cut by page breaks", () => {
    const dalate = planOf("dalate-air-pollution-2025");
    expect(dalate.profile.placeAliases).toContain("达旗");
    const row = entry(dalate, "3.2.10");
    expect(row.reflowed).toBe(true);
    expect(row.title).toBe("推进农村牧区清洁取暖");
    // The lead cell wraps (旗住房和城乡建 / 设局); the row goes on after the page's number and header.
    expect(rolePairs(dalate, "3.2.10")[0]).toEqual(["旗住房和城乡建设局", "lead"]);
    expect(rolePairs(dalate, "3.2.10").map(([name]) => name)).toContain("各苏木镇人民政府");
    expect(row.deadlines.map((d) => d.date)).toEqual(["2025-10-31"]);
    // A figure wrapped over two lines (600 / 0万标砖) is one figure again.
    expect(entry(dalate, "3.1.2").text).toContain("6000万标砖");
    expect(row.text).not.toMatch(/— \d —|序号/);
  });

  it("dates tasks by a milestones line of quarters (时序进度：一季度，…；四季度，…)", () => {
    const shouguang = planOf("shouguang-air-pollution-2025");
    expect(entry(shouguang, "2.1.1").deadlines.map((d) => d.date)).toEqual(["2025-03-31", "2025-12-31"]);
  });

  it("gives a bracket marked 下同 to the later tasks of its section that name none", () => {
    const liling = planOf("liling-air-quality-2024");
    // 三1. says 下同; 三2. and 三3. have their own; 三4. takes 三1.'s again.
    expect(rolePairs(liling, "3.4")).toEqual(rolePairs(liling, "3.1"));
    expect(rolePairs(liling, "3.3")[0]).toEqual(["市市场监督管理局", "lead"]);
    expect(rolePairs(liling, "3.1")[0]).toEqual(["市发展和改革局", "lead"]);
  });

  it("reads (责任单位：甲、乙；完成时限：…) by the notice's first-leads rule, the bracket closing the points the task's own", () => {
    const guanghan = planOf("guanghan-air-pollution-2025");
    expect(rolePairs(guanghan, "3.1.2").slice(0, 2)).toEqual([
      ["市经信局", "lead"],
      ["市发改局", "support"],
    ]);
    // Tasks numbered 1．…34． through the groups keep their printed number.
    expect(entry(guanghan, "3.3.12").title).toBeTruthy();
    expect(entry(guanghan, "3.1.3.2").departments).toEqual([]);
    expect(rolePairs(guanghan, "3.1.3")[0]).toEqual(["市经信局", "lead"]);
  });

  it("reads a sentence subject after 由 (物料堆场由X负责) as X", () => {
    const linwei = planOf("linwei-autumn-winter-air-2024");
    const names = entry(linwei, "7.4").departments.map((d) => d.name);
    expect(names).toContain("渭南市生态环境局临渭分局");
    expect(names.some((n) => n.includes("由"))).toBe(false);
  });

  it("passes over a contents list (目录) before the body: its headings are no sections", () => {
    const jinghai = planOf("jinghai-air-pollution-2025");
    expect(entry(jinghai, "1").title).toBe("工作目标");
    expect(entry(jinghai, "2.1").title).toBe("严格项目环境准入");
    expect(idsAt(jinghai, 1)).toContain("9");
  });

  it("reads page fields in lenticular brackets (【标题】…) as fields, and 〔责任：甲（主）、乙〕 by the notice's rule", () => {
    const nongan = planOf("nongan-autumn-winter-2024");
    expect(nongan.meta.issuer).toBe("农安县人民政府办公室");
    expect(nongan.meta.published).toBe("2024-09-27");
    expect(rolePairs(nongan, "2.1").slice(0, 2)).toEqual([
      ["县农业农村局", "lead"],
      ["市生态环境局农安分局", "support"],
    ]);
  });

  it("reads X为主，Y协助 as lead and support", () => {
    const yiling = planOf("yiling-air-quality-2025");
    expect(rolePairs(yiling, "3.1.2").slice(0, 2)).toEqual([
      ["区经信局", "lead"],
      ["区发改局", "support"],
    ]);
  });

  it("gives the tasks a 职责分工 section names by their titles (牵头负责严把项目准入关、…工作) to its departments", () => {
    const gushi = planOf("gushi-air-quality-2025");
    expect(rolePairs(gushi, "2.1")).toContainEqual(["县发展改革委", "lead"]);
    expect(rolePairs(gushi, "2.1")).toContainEqual(["县工业和信息化局", "support"]);
    expect(rolePairs(gushi, "2.4")).toContainEqual(["县工业和信息化局", "lead"]);
  });

  it("reads brackets parted by slashes as the notice says (甲、乙/丙；2025.6 and 甲／丙／时限, — for none)", () => {
    const nanan = planOf("nanan-ozone-2025");
    expect(rolePairs(nanan, "3.1")).toEqual([
      ["市工信局", "lead"],
      ["泉州市南安生态环境局", "lead"],
      ["市市场监管局", "support"],
    ]);
    // 2025.10 after the semicolon: by the end of October 2025.
    expect(entry(nanan, "3.1").deadlines.map((d) => d.date)).toEqual(["2025-10-31"]);
    const leping = planOf("leping-ozone-2024");
    expect(rolePairs(leping, "2.2")).toEqual([
      ["市市场监管局", "lead"],
      ["乐平生态环境局", "support"],
    ]);
  });

  it("reads 括号内为牵头单位 with no 的单位, and (监管：甲、乙；属地：X镇；时限：…) by the notice's first-leads rule", () => {
    const beilun = planOf("beilun-air-quality-2025");
    expect(rolePairs(beilun, "2.1")).toEqual([
      ["区发改局", "lead"],
      ["市生态环境局北仑分局", "lead"],
    ]);
    const lingshi = planOf("lingshi-air-pollution-2025");
    expect(rolePairs(lingshi, "3.1").slice(0, 2)).toEqual([
      ["市生态环境局灵石分局", "lead"],
      ["县工业和信息化局", "support"],
    ]);
    expect(rolePairs(lingshi, "3.1")).toContainEqual(["两渡镇人民政府", "responsible"]);
  });

  it("reads 统筹, 主抓/协抓 and a bracket closed by the one in overall charge (甲、乙，甲负总责) before a time-limit bracket", () => {
    const junan = planOf("junan-autumn-winter-2024");
    expect(rolePairs(junan, "3.1")[0]).toEqual(["县生态环境分局", "lead"]);
    const jiangjin = planOf("jiangjin-air-quality-2024");
    expect(rolePairs(jiangjin, "2.1").slice(0, 2)).toEqual([
      ["区发展改革委", "lead"],
      ["区经济信息委", "support"],
    ]);
    // No 负总责 named: every unit carries it out together; the bracket of its time limit follows.
    expect(rolePairs(jiangjin, "2.5").map(([, role]) => role)).toEqual(["responsible", "responsible"]);
    const lengshuijiang = planOf("lengshuijiang-air-pollution-2025");
    expect(rolePairs(lengshuijiang, "2.1")[0]).toEqual(["娄底市生态环境局冷水江分局", "lead"]);
  });

  it("dates tasks numbered through the plan from a 时间安排 section (2025年6月底前：完成第1、5、10项任务)", () => {
    const lengshuijiang = planOf("lengshuijiang-air-pollution-2025");
    expect(entry(lengshuijiang, "2.5").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
  });

  it("dates a task by the phase it names (推进时段：集中攻坚阶段) as a later section defines it", () => {
    const rugao = planOf("rugao-qiudong-gongjian-2024");
    expect(entry(rugao, "2.2").deadlines.map((d) => d.date)).toEqual(["2025-01-31"]);
    expect(entry(rugao, "3.1").deadlines.map((d) => d.date)).toEqual(["2024-10-20"]);
  });

  it("cites a measure written on its heading's line (一、严把项目环境准入。严格落实…) as the section's own entry", () => {
    const tongxiang = planOf("tongxiang-lantian-ershitiao-2025");
    expect(entry(tongxiang, "1").title).toBe("严把项目环境准入");
    expect(entry(tongxiang, "1").departments.length).toBeGreaterThan(0);
  });

  it("gives a bracket after several tasks (上述第2—3项：X牵头…) to each of them", () => {
    const yongdeng = planOf("yongdeng-air-quality-2024");
    expect(rolePairs(yongdeng, "3.1.2")[0]).toEqual(["县工信局", "lead"]);
    expect(rolePairs(yongdeng, "3.1.3")[0]).toEqual(["县工信局", "lead"]);
  });

  it("leaves a bracket that explains a name (办公室（设在市生态环境局）) unread", () => {
    const shaoguan = planOf("shaoguan-air-quality-2021");
    expect(entry(shaoguan, "1.4").departments.map((d) => d.name)).not.toContain("设在市生态环境局");
  });

  it("gives a task the departments and time limit of the note its marker points to (…整治。[3] → 注释：[3] 牵头单位：…)", () => {
    const pingguo = planOf("pingguo-air-pollution-2025");
    expect(rolePairs(pingguo, "3.1.3").slice(0, 2)).toEqual([
      ["平果工业区管委会", "lead"],
      ["市工业和信息化局", "support"],
    ]);
    expect(entry(pingguo, "3.1.3").deadlines.map((d) => d.date)).toEqual(["2025-10-31"]);
    // The note list is no part of the last task.
    expect(entry(pingguo, "4.5").text).not.toContain("注释");
    expect(rolePairs(pingguo, "4.5")[0]).toEqual(["市委宣传部", "lead"]);
  });

  it("reads 承办单位/协办单位 lines as lead and support, and a 承办单位 line is no page footer", () => {
    const mile = planOf("mile-air-quality-2024");
    expect(mile.items.filter((i) => i.level === 2).length).toBeGreaterThan(25);
    expect(rolePairs(mile, "2.2").slice(0, 2)).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展和改革局", "support"],
    ]);
    // 完成标志中未写明时间的，于2025年12月31日前完成: the notice's default date.
    expect(entry(mile, "2.5").deadlines.map((d) => d.date)).toEqual(["2025-12-31"]);
  });

  it("reads task cards (任务12 with 工作内容/牵头部门/协同部门/节点目标 lines) as items numbered through the plan", () => {
    const qianan = planOf("qianan-air-quality-2025");
    expect(entry(qianan, "3.12").title).toBe("强化无组织排放管控");
    expect(rolePairs(qianan, "3.12")).toEqual([
      ["市生态环境局", "lead"],
      ["各乡镇(街道)", "support"],
      ["迁安经济开发区管委会", "support"],
    ]);
    expect(entry(qianan, "4.16").deadlines.map((d) => d.date)).toEqual(["2025-08-31", "2025-10-31"]);
  });

  it("reads points 1）2） with （主办：…；会办：…；时限：…） brackets", () => {
    const zhangwu = planOf("zhangwu-autumn-winter-2024");
    expect(entry(zhangwu, "3.1.4").title).toBe("整治燃煤小火炉");
    expect(rolePairs(zhangwu, "3.1.4")).toEqual([
      ["县城市管理综合行政执法局", "lead"],
      ["县市场监督管理局", "support"],
    ]);
    expect(entry(zhangwu, "3.1.4").deadlines.map((d) => d.date)).toEqual(["2024-11-30"]);
  });

  it("reads 指导部门 as the lead (as the notice defines it) and a bracket after a task's points as the task's", () => {
    const linfen = planOf("linfen-air-pollution-2025");
    expect(rolePairs(linfen, "3.1.2").slice(0, 3)).toEqual([
      ["市生态环境局", "lead"],
      ["市工业和信息化局", "support"],
      ["市交通运输局", "support"],
    ]);
    expect(entry(linfen, "3.1.2.2").departments).toEqual([]);
  });

  it("takes a time limit tagged before a task (1.【2024年12月底前】完成…) as its date, not its title", () => {
    const baotou = planOf("baotou-air-quality-2024");
    expect(entry(baotou, "2.4.1").title).toMatch(/^完成炭化室高度/);
    expect(entry(baotou, "2.4.1").deadlines.map((d) => d.date)).toEqual(["2024-12-31"]);
  });

  it("gives tasks the departments of a list by department after the body (县发改委 / 牵头任务：二（一）1 …)", () => {
    const shangli = planOf("shangli-air-quality-2024");
    expect(rolePairs(shangli, "2.1.3")).toEqual([
      ["县应急管理局", "lead"],
      ["萍乡市上栗生态环境局", "support"],
      ["县工信局", "support"],
      ["县市场监管局", "support"],
    ]);
    expect(rolePairs(shangli, "3.2").map(([, role]) => role)).toContain("support");
  });

  it("reads a document number a page writes in its 字号 field, and a box's dates are its projects' (专栏2)", () => {
    const wusu = planOf("wusu-air-pollution-2025");
    expect(wusu.meta.docNumber).toBe("乌政办发〔2025〕14号");
    // 专栏2 after task 15 lists projects due 2025年9月底前 and later: not task 15's dates.
    expect(entry(wusu, "3.15").text).toContain("专栏2");
    expect(entry(wusu, "3.15").deadlines.map((d) => d.date)).toEqual(["2025-05-31"]);
  });

  it("numbers tasks written with full-width digits (１．（１）) as 1. (1)", () => {
    const dehua = planOf("dehua-air-quality-2025");
    expect(entry(dehua, "3.2.3").title).toBe("规范生物质燃料使用");
    expect(entry(dehua, "4.4").label).toBe("四4.");
    expect(entry(dehua, "3.2.1").deadlines.map((d) => d.date)).toEqual(["2025-06-30"]);
  });

  it("reads (甲会同乙、丙负责) as 甲 leading with 乙、丙 supporting, and a short name the plan defines (本方案所称X，指Y)", () => {
    const liupanshui = planOf("liupanshui-air-quality-2025");
    expect(rolePairs(liupanshui, "4.14")).toEqual([
      ["市交通运输局", "lead"],
      ["市工业和信息化局", "support"],
      ["市住房城乡建设局", "support"],
      ["市机关事务局", "support"],
    ]);
    // Each task's deadline is in brackets after its title: （2025年10月底前完成）.
    expect(isoDates(liupanshui, "4.14")).toEqual(["2025-10-31"]);
    // The web page's 【打印此页】【关闭窗口】 ends the last item; it is no point of it.
    expect(liupanshui.items.some((i) => i.title.includes("打印"))).toBe(false);
    const wenling = planOf("wenling-air-quality-2025");
    expect(rolePairs(wenling, "2.4")).toEqual([
      ["市经信局", "lead"],
      ["台州市生态环境局温岭分局", "support"],
      ["市发改局", "support"],
      ["市自然资源和规划局", "support"],
    ]);
    // Towns and sub-districts are names; 各镇〔街道〕抓好落实 carries the task out.
    expect(rolePairs(wenling, "2.3")).toContainEqual(["城西街道", "support"]);
    expect(roles(wenling, "2.2")["各镇(街道)"]).toBe("responsible");
  });

  it("reads names with 〈〉 inside (各乡镇人民政府〈街道办事处〉) by the notice's semicolon rule, and 办结时限 given as a day", () => {
    const shenzhou = planOf("shenzhou-air-pollution-2025");
    expect(rolePairs(shenzhou, "4.3")).toEqual([
      ["市自然资源和规划局", "lead"],
      ["市住建局", "support"],
      ["市城管执法局", "support"],
      ["各乡镇人民政府(街道办事处)", "support"],
    ]);
    const tieling = planOf("tieling-air-quality-2025");
    expect(isoDates(tieling, "3.9")).toEqual(["2025-10-31"]);
    expect(isoDates(tieling, "3.7")).toContain("2025-10-15");
  });

  it("follows the notice's default date (除…已明确完成时限的外，其余各项任务均须于…前完成) and 供电部门 as a name", () => {
    const sanyuan = planOf("sanyuan-air-pollution-2025");
    expect(isoDates(sanyuan, "3.1.5")).toEqual(["2025-11-30"]);
    const gaoyao = planOf("gaoyao-air-quality-2025");
    expect(rolePairs(gaoyao, "2.1.5")).toContainEqual(["供电部门", "support"]);
    expect(rolePairs(gaoyao, "2.1.5")[0]).toEqual(["区工业和信息化局", "lead"]);
  });

  it("reads the role words a notice defines (标注“领办”的单位为牵头单位，“跟进”的…按照职责分工负责), also on 〖分工〗 lines", () => {
    const nehe = planOf("nehe-air-quality-2024");
    expect(rolePairs(nehe, "2.2")).toEqual([
      ["市工业信息科技局", "lead"],
      ["市发展和改革局", "responsible"],
      ["市生态环境分局", "responsible"],
      ["相关乡镇人民政府", "support"],
    ]);
    // 〖分工〗 lines, with 负责统筹 (lead) and 按职能落实 (responsible) as the notice defines them.
    const xuanhua = planOf("xuanhua-air-quality-2025");
    expect(rolePairs(xuanhua, "2.3")).toEqual([
      ["区生态环境分局", "lead"],
      ["区工信局", "responsible"],
      ["区交通运输局", "support"],
    ]);
  });

  it("reads 〔X牵头，Y配合，date〕 before a task's title, and gives a heading's own bracket to its points from the heading", () => {
    const tianchang = planOf("tianchang-air-quality-2025");
    expect(rolePairs(tianchang, "2.1")).toEqual([
      ["市发展改革委", "lead"],
      ["市经信局", "support"],
      ["市生态环境分局", "support"],
    ]);
    const heshan = planOf("heshan-air-quality-2024");
    // The points take the heading's departments, marked as taken from it: a listing shows the heading.
    expect(entry(heshan, "2.2.1").departments.every((d) => d.from === "2.2")).toBe(true);
    expect(entry(heshan, "2.2").departments.every((d) => d.from === undefined)).toBe(true);
  });

  it("gives a section's or area's lead to tasks that name only their supporting units, and reads 改由X牵头 as the task's own lead", () => {
    // 二、深化产业结构调整（由区工业和信息化局牵头） over 2.（参与：…；节点：…）; 改由 in place of it.
    const wujin = planOf("wujin-air-quality-2025");
    expect(wujin.profile.place?.zh).toBe("武进区");
    expect(rolePairs(wujin, "2.2")[0]).toEqual(["区工业和信息化局", "lead"]);
    expect(rolePairs(wujin, "6.28")).toEqual([
      ["区城市管理局", "lead"],
      ["区市场监督管理局", "support"],
      ["武进生态环境局", "support"],
    ]);
    expect(isoDates(wujin, "6.28")).toEqual(["2025-09-30"]);
    // 总牵头单位：X under an area's heading; the notice says an overridden area lead then takes part.
    const yangquan = planOf("yangquan-air-quality-2025");
    expect(rolePairs(yangquan, "3.2.1")[0]).toEqual(["市能源局", "lead"]);
    expect(rolePairs(yangquan, "3.2.3")).toEqual([
      ["市生态环境局", "lead"],
      ["市市场监督管理局", "support"],
      ["市能源局", "support"],
    ]);
  });

  it("reads the notice's rules for marked leads and its own role words, in brackets, sentences and ▲ lines", () => {
    // 单位名称后标注“（牵头）”的为牵头单位…；其余所列单位为配合单位.
    expect(rolePairs(planOf("changyuan-air-quality-2025"), "3.1")).toEqual([
      ["市发展改革委", "lead"],
      ["市工业和信息化局", "support"],
      ["新乡市生态环境局长垣分局", "support"],
      ["市行政审批和政务信息管理局", "support"],
    ]);
    // A closing line （X抓总，Y共同推进，各区〔县〕人民政府…抓落实） after the points is the item's.
    const meishan = planOf("meishan-air-quality-2024");
    expect(rolePairs(meishan, "2.3")[0]).toEqual(["市发展改革委", "lead"]);
    expect(rolePairs(meishan, "2.3.2")).toEqual([]);
    // 本项由X负首责，Y、Z协同 — 负首责 and 协同 as the notice defines them.
    expect(rolePairs(planOf("xingping-air-quality-2025"), "2.1.1")).toEqual([
      ["市发展和改革局", "lead"],
      ["市工业和信息化局", "support"],
      ["咸阳市生态环境局兴平分局", "support"],
    ]);
    // ▲X牵头负责，Y、Z及相关乡镇人民政府配合，date.
    expect(rolePairs(planOf("qixingguan-air-quality-2025"), "2.4")).toEqual([
      ["区工业和信息化局", "lead"],
      ["区自然资源局", "support"],
      ["毕节市生态环境局七星关分局", "support"],
      ["相关乡镇人民政府", "support"],
    ]);
    // （召集单位：X；成员单位：Y…）, 召集单位 and 成员单位 defined as lead and support.
    expect(rolePairs(planOf("xianghe-air-pollution-2025"), "2.2").slice(0, 2)).toEqual([
      ["县工业和信息化局", "lead"],
      ["县发展改革局", "support"],
    ]);
    // （督导：X；落实：Y；支持：Z）, the labels the notice names (督导单位为该项任务的牵头单位…).
    expect(rolePairs(planOf("tongcheng-air-quality-2025"), "2.1.1")).toEqual([
      ["市发展改革委", "lead"],
      ["市经信局", "responsible"],
      ["市生态环境分局", "responsible"],
      ["市数据资源局", "responsible"],
      ["市自然资源和规划局", "support"],
    ]);
    // “负责”前所列单位为牵头单位，“支持”前所列单位为配合单位: 负责 leads in this plan.
    expect(rolePairs(planOf("yuci-air-quality-2025"), "3.3")).toEqual([
      ["区生态环境分局", "lead"],
      ["区工信局", "support"],
    ]);
    // A、B按职责分工负责，其中A牵头 — the others help, as the notice says (其余单位按职责配合); a lone
    // name beside its time limit carries the task out.
    const guiping = planOf("guiping-air-pollution-2025");
    expect(rolePairs(guiping, "3.1")[0]).toEqual(["市发展改革局", "lead"]);
    expect(
      rolePairs(guiping, "3.1")
        .slice(1)
        .every(([, role]) => role === "support"),
    ).toBe(true);
    expect(rolePairs(guiping, "7.27")).toEqual([["市农业农村局", "responsible"]]);
    // （每年9月底前；X首办，Y联办）: kinds of unit the notice names in quotes, then says what they do.
    expect(rolePairs(planOf("nanxi-air-quality-2024"), "6.3.1")).toEqual([
      ["区生态环境局", "lead"],
      ["区气象局", "support"],
    ]);
    // （编号：主03，协02、19、20；…）: numbers from the plan's own table of departments.
    expect(rolePairs(planOf("meihekou-air-pollution-2025"), "3.1")).toEqual([
      ["市发展和改革局", "lead"],
      ["市工业和信息化局", "support"],
      ["市生态环境局", "support"],
    ]);
    // 〔主管：X　协管：Y　时限：…〕 parted by spaces.
    expect(rolePairs(planOf("fengyang-air-quality-2024"), "4.1.1")[0]).toEqual(["县交通运输局", "lead"]);
    // 责任链：A→B、C→D — the rings the notice defines: lead, support, those who carry it out.
    const bazhou = planOf("bazhou-air-quality-2025");
    expect(rolePairs(bazhou, "2.2.1")).toEqual([
      ["胜芳镇人民政府", "lead"],
      ["市生态环境分局", "support"],
      ["市工业和信息化局", "support"],
      ["市自然资源和规划局", "support"],
    ]);
    expect(rolePairs(bazhou, "2.1.1")[0]).toEqual(["市发展和改革局", "lead"]);
    expect(rolePairs(bazhou, "2.1.1").at(-1)?.[1]).toBe("responsible");
    // （X领办，Y、Z参办，2025年9月底前办结）.
    expect(rolePairs(planOf("dengfeng-blue-sky-2025"), "2.4")).toEqual([
      ["市发展改革委", "lead"],
      ["市生态环境局", "support"],
    ]);
    // An airport among the supporting units.
    expect(rolePairs(planOf("jinjiang-air-quality-2025"), "4.14")).toContainEqual([
      "泉州晋江国际机场",
      "support",
    ]);
    // 〈领衔：X｜协同：Y｜时限：…〉, the angle bracket and labels the notice names (标“领衔”的单位为牵头单位).
    expect(rolePairs(planOf("taixing-air-pollution-2025"), "2.2.2")).toEqual([
      ["泰兴经济开发区管委会", "lead"],
      ["泰州市泰兴生态环境局", "support"],
      ["市应急管理局", "support"],
    ]);
    expect(isoDates(planOf("taixing-air-pollution-2025"), "2.2.2")).toEqual(["2025-06-30"]);
    // （归口：X；联动：Y；期限：2025年9月30日）: “归口”所列单位为牵头单位, and a day under 期限 is the deadline.
    const sihui = planOf("sihui-air-quality-2025");
    expect(rolePairs(sihui, "2.5").slice(0, 2)).toEqual([
      ["肇庆市生态环境局四会分局", "lead"],
      ["市工业和信息化局", "support"],
    ]);
    expect(isoDates(sihui, "2.5")).toEqual(["2025-09-30"]);
    // 〖lead｜support｜time〗, the fields the notice lists in order (依次标注牵头单位、配合单位和完成时限，以“｜”分隔).
    const huinong = planOf("huinong-air-pollution-2025");
    expect(rolePairs(huinong, "3.3")).toEqual([
      ["区工业信息化和商务局", "lead"],
      ["石嘴山经济技术开发区管委会", "lead"],
      ["市生态环境局惠农分局", "support"],
      ["区自然资源局", "support"],
    ]);
    // （leads）［supports］: the kinds of bracket the notice gives roles (圆括号…牵头单位；方括号…配合单位).
    const jingmen = planOf("jingmen-air-quality-2025");
    expect(rolePairs(jingmen, "2.2")).toEqual([
      ["市经信局", "lead"],
      ["市发展改革委", "support"],
      ["市生态环境局", "support"],
      ["市自然资源和规划局", "support"],
    ]);
    expect(rolePairs(jingmen, "2.5")).toEqual([
      ["市生态环境局", "lead"],
      ["市经信局", "lead"],
    ]);
    // A notice numbering its own points (一、…二、…) before its signature and the plan's title: the plan's
    // sections start after the title; 列于“承担”之前的单位为牵头单位.
    const zhanjiang = planOf("zhanjiang-air-pollution-2025");
    expect(entry(zhanjiang, "1").title).toBe("总体要求");
    expect(rolePairs(zhanjiang, "3.2").slice(0, 2)).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展改革局", "support"],
    ]);
    // “组织”前的单位为牵头单位；“实施”前的单位为具体实施单位 — and a quarter's end closing the bracket.
    const chuxiong = planOf("chuxiong-air-quality-2025");
    expect(rolePairs(chuxiong, "2.2").slice(0, 2)).toEqual([
      ["市工业商务和信息化局", "lead"],
      ["相关乡镇人民政府", "responsible"],
    ]);
    expect(isoDates(chuxiong, "2.2")).toEqual(["2025-09-30"]);
    // 各镇街 is a unit; a date with what is to be done by then (2025年9月底前完成专项检查) is a time limit.
    expect(rolePairs(planOf("bishan-air-quality-2025"), "3.3.5")[0]).toEqual(["区商务委", "lead"]);
    // A bracket of fields on its own line after an item's points is the item's; a field the genre has no
    // label for (责任领导：…) may come first.
    const jiangyou = planOf("jiangyou-air-quality-2024");
    expect(rolePairs(jiangyou, "5.21")[0]).toEqual(["市住房和城乡建设局", "lead"]);
    expect(rolePairs(jiangyou, "5.21.3")).toEqual([]);
    // （责任主体：…；协同部门：…；完成节点：2025年11月）: a month under 完成节点 means by its end, and a
    // task listing two 责任主体 shares it 不分主次 as the notice says (neither leads).
    const haining = planOf("haining-air-quality-2025");
    expect(isoDates(haining, "3.1.2")).toEqual(["2025-11-30"]);
    expect(isoDates(haining, "3.5.25")).toEqual(["2025-05-31", "2025-10-31"]);
    expect(rolePairs(haining, "3.1.3").slice(0, 3)).toEqual([
      ["市经济和信息化局", "responsible"],
      ["嘉兴市生态环境局海宁分局", "responsible"],
      ["许村镇人民政府", "support"],
    ]);
    expect(rolePairs(haining, "3.1.4")[0]).toEqual(["嘉兴市生态环境局海宁分局", "lead"]);
    // 冒号前为牵头单位，冒号后为配合单位 (甲：乙、丙；date); a bracket with no colon is shared.
    const gaomi = planOf("gaomi-air-quality-2025");
    expect(rolePairs(gaomi, "3.2")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展和改革局", "support"],
      ["潍坊市生态环境局高密分局", "support"],
      ["市应急管理局", "support"],
    ]);
    expect(rolePairs(gaomi, "3.3")[0]).toEqual(["市工业和信息化局", "responsible"]);
    // A bracket of a name and the times of two stages (X；2025年6月底前完成排查，2025年10月底前完成整治).
    expect(rolePairs(gaomi, "7.25")).toEqual([["潍坊市生态环境局高密分局", "responsible"]]);
    // Leads in a bracket after the title, supports in the closing sentence with the times of stages.
    expect(rolePairs(planOf("baodi-air-pollution-2025"), "6.3")).toEqual([
      ["区规划资源局", "lead"],
      ["区城市管理委", "support"],
      ["区农业农村委", "support"],
      ["区住房建设委", "support"],
    ]);
    // Points 1.…36. running on across sections under each section's （一）, and deadline classes the
    // notice defines (Ⅲ类为2025年10月15日前完成) closing each bracket.
    // An autonomous prefecture: its place without the people it is named for, and 某某州.
    const changji = planOf("changji-air-quality-2024");
    expect(changji.profile.place).toEqual({ zh: "昌吉回族自治州", en: "Changji" });
    expect(changji.profile.placeAliases).toEqual(expect.arrayContaining(["昌吉", "昌吉州"]));
    expect(changji.profile.level).toBe("city");
    const gongzhuling = planOf("gongzhuling-air-quality-2024");
    expect(entry(gongzhuling, "3.3.12").title).toBe("强化民用散煤质量监管");
    // The notice's own signature, after its numbered points, dates the document.
    expect(gongzhuling.meta.signed).toBe("2024-06-28");
    expect(isoDates(gongzhuling, "3.3.12")).toEqual(["2025-10-15"]);
    expect(isoDates(gongzhuling, "6.2.30")).toEqual(["2024-12-31"]);
    // 标明“负总责”的为牵头部门；标明“按职责落实”的为责任部门.
    expect(rolePairs(planOf("liaoyang-air-quality-2024"), "2.4.1")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展改革委", "responsible"],
      ["市生态环境局", "responsible"],
      ["各县(市)区政府", "support"],
    ]);
  });

  it("reads the notice's parting rules: ＋ parts the lead from the supports, names after 协助 lead, A角 leads and B角 supports", () => {
    // “＋”号前的单位为牵头单位…“＋”号后的单位为配合单位; a bracket with no ＋ names units each responsible, and
    // 2025年9月30日前销号 or 常态推进 after the semicolon is a time limit.
    const renqiu = planOf("renqiu-air-pollution-2025");
    expect(rolePairs(renqiu, "3.1.4")).toEqual([
      ["市生态环境分局", "lead"],
      ["市应急管理局", "support"],
      ["市工信局", "support"],
    ]);
    expect(rolePairs(renqiu, "3.1.6")).toEqual([["市生态环境分局", "responsible"]]);
    expect(rolePairs(renqiu, "3.1.1")[0]).toEqual(["市发改局", "lead"]);
    // “协助”之前所列单位为配合单位，“协助”之后所列单位为牵头单位 (甲、乙协助丙落实；date).
    const longhai = planOf("longhai-air-quality-2025");
    expect(rolePairs(longhai, "2.1.2")).toEqual([
      ["区工信局", "lead"],
      ["区自然资源局", "support"],
      ["龙海生态环境局", "support"],
    ]);
    expect(isoDates(longhai, "2.1.2")).toEqual(["2025-10-31"]);
    // “A角”所列单位为牵头单位…“B角”所列单位为配合单位, and a point opening with a season's two years (1.2025/2026年榨季).
    const qinzhou = planOf("qinzhou-air-quality-2025");
    expect(rolePairs(qinzhou, "2.2")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市自然资源局", "support"],
      ["市生态环境局", "support"],
    ]);
    expect(entry(qinzhou, "3.3.1").text).toMatch(/^1\.2025\/2026年榨季开榨前/);
    expect(entry(qinzhou, "3.3.2").title).toContain("生物质锅炉专项排查整治");
  });

  it("reads the comma rule, short names from a 简称对照表, “1”/“N” defined in a later section and one-character labels (牵：/配：)", () => {
    // 逗号前的单位为牵头单位…逗号后的单位为配合单位；未用逗号分隔的，括号内所列单位均为牵头单位.
    const haicheng = planOf("haicheng-air-quality-2025");
    expect(rolePairs(haicheng, "2.1.2")).toEqual([
      ["市发展和改革局", "lead"],
      ["市交通运输局", "support"],
      ["市生态环境分局", "support"],
    ]);
    expect(rolePairs(haicheng, "8.3")).toEqual([["市生态环境分局", "lead"]]);
    // 〔经信、生态环境｜11月底前〕: short names spelled out by the attachment's table, the first leading, the
    // time limit after the bar.
    const jiashan = planOf("jiashan-air-quality-2025");
    expect(rolePairs(jiashan, "2.2.4")).toEqual([
      ["嘉兴市生态环境局嘉善分局", "lead"],
      ["县发展改革局", "support"],
      ["县经济和信息化局", "support"],
    ]);
    expect(isoDates(jiashan, "2.2.4")).toEqual(["2025-11-30"]);
    // （1：甲；N：乙、丙；时限：…） by a rule stated in the plan's last section, not its notice.
    expect(rolePairs(planOf("xiangtan-air-quality-2024"), "2.6")).toEqual([
      ["市生态环境局", "lead"],
      ["市工业和信息化局", "support"],
      ["市交通运输局", "support"],
    ]);
    // ［牵：甲、乙；配：丙；限：…］ — “牵”后所列为牵头单位: the one-character word is a label, not part of 牵头.
    expect(rolePairs(planOf("lingwu-air-pollution-2025"), "3.4")).toEqual([
      ["市工业和信息化局", "lead"],
      ["市发展和改革局", "lead"],
      ["银川市生态环境局灵武分局", "support"],
    ]);
  });

  it("reads a lead tagged 〔召集〕 and a sole 负责单位 leading, X为责任单位/Y为协同单位, 以下简称 and 各区/各镇", () => {
    // 负责单位只有一个的，该单位即为牵头单位；…标注“〔召集〕”的单位为牵头单位，其他负责单位按职责分工各负其责.
    const linqu = planOf("linqu-air-quality-2024");
    expect(rolePairs(linqu, "2.1")).toEqual([
      ["县发展和改革局", "lead"],
      ["县行政审批服务局", "responsible"],
      ["潍坊市生态环境局临朐分局", "responsible"],
      ["县工业和信息化局", "support"],
      ["县自然资源和规划局", "support"],
    ]);
    expect(rolePairs(linqu, "2.2")[0]).toEqual(["县工业和信息化局", "lead"]);
    // （甲、乙为责任单位，丙、丁〈以下简称戊〉为协同单位；date）, and 戊 written for 丁 later on.
    const shahe = planOf("shahe-air-pollution-2025");
    expect(rolePairs(shahe, "3.2")).toEqual([
      ["市工信局", "responsible"],
      ["市发改局", "support"],
      ["邢台市生态环境局沙河市分局", "support"],
      ["沙河经济开发区管委会", "support"],
    ]);
    // 各区、各镇配合: every district and town, each a name.
    expect(rolePairs(planOf("jiayuguan-air-quality-2024"), "5.3").slice(-2)).toEqual([
      ["各区", "support"],
      ["各镇", "support"],
    ]);
  });

  it("reads units each with their own duty (X牵头并负责…，Y负责…), a sole unit leading, 【X】 leads under a group's 协同单位 line, and a unit kind the notice defines (认领单位即…牵头单位)", () => {
    // （X牵头并负责…，Y负责…，Z配合；date）; 括号内仅列一个单位的，该单位即为牵头单位.
    const yongchuan = planOf("yongchuan-air-quality-2024");
    expect(rolePairs(yongchuan, "3.8")).toEqual([
      ["区生态环境局", "lead"],
      ["区市场监管局", "responsible"],
      ["区经济信息委", "support"],
    ]);
    expect(rolePairs(yongchuan, "2.6")).toEqual([["区经济信息委", "lead"]]);
    // 每条措施末尾【　】内所列单位为该条措施的牵头单位; 标题下列明的“协同单位”… 均承担配合责任.
    const zoucheng = planOf("zoucheng-air-pollution-2025");
    expect(rolePairs(zoucheng, "3.5.6")[0]).toEqual(["市公安局", "lead"]);
    expect(rolePairs(zoucheng, "3.5.6")).toContainEqual(["市水务局", "support"]);
    // 认领单位即该项任务的牵头单位 (no quotes, no label of the genre).
    const guangfeng = planOf("guangfeng-air-quality-2025");
    expect(rolePairs(guangfeng, "2.2")[0]).toEqual(["区工信局", "lead"]);
    expect(guangfeng.roleWords).toMatchObject({ 认领: "lead" });
    // 只列一个责任单位且未注明“调度”的，由该单位牵头负责.
    expect(rolePairs(planOf("renhuai-air-quality-2025"), "2.2.3")).toEqual([
      ["遵义市生态环境局仁怀分局", "lead"],
    ]);
  });

  it("reads supports marked with * and the unmarked leading, a word defined by what its units do (“配责”二字前…), and deadlines counted from issue", () => {
    // 责任单位名称后标注“*”的为配合单位，未标注“*”的为牵头单位; 长期坚持 takes no default date.
    const xinji = planOf("xinji-air-pollution-2025");
    expect(rolePairs(xinji, "2.1.1")).toEqual([
      ["市发展改革局", "lead"],
      ["市行政审批局", "lead"],
      ["市工业和信息化局", "support"],
      ["市生态环境局", "support"],
    ]);
    // “配责”二字前所列单位为配责单位，按照各自职责积极配合主责单位.
    expect(rolePairs(planOf("dawukou-air-pollution-2025"), "2.4.2")).toEqual([
      ["市生态环境局大武口分局", "lead"],
      ["区工业和信息化局", "support"],
    ]);
    // （…；方案印发后2个月内）, signed 2025-04-03.
    const zjg = planOf("zhangjiagang-air-pollution-2025");
    expect(zjg.items.find((i) => i.id === "5.3.1")?.deadlines.map((d) => d.date)).toEqual(["2025-06-03"]);
    expect(rolePairs(zjg, "5.3.1")[0]).toEqual(["苏州市张家港生态环境局", "lead"]);
  });

  it("reads the comma rule inside a labelled bracket (责任单位：甲，乙、丙；时限：…) and the lead of tasks naming none, but not in a closing section that names few", () => {
    // 逗号前的单位为牵头单位…逗号后的单位为配合单位; 任务后未标注责任单位的，由X牵头.
    const zhenping = planOf("zhenping-air-quality-2025");
    expect(rolePairs(zhenping, "3.1")).toEqual([
      ["县发展改革委", "lead"],
      ["县工业和信息化局", "support"],
      ["市生态环境局镇平分局", "support"],
      ["县自然资源局", "support"],
    ]);
    // Without a comma, the names share the task.
    expect(roles(zhenping, "3.6")).toEqual({
      市生态环境局镇平分局: "responsible",
      县工业和信息化局: "responsible",
    });
    expect(rolePairs(zhenping, "4.8")).toEqual([["市生态环境局镇平分局", "lead"]]);
    expect(rolePairs(zhenping, "9.2")).toEqual([]);
  });

  it("reads leads in 「」 after a task's number with the closing bracket's names supporting, and a port area as a unit", () => {
    // 任务序号后「」内所列单位为牵头单位；任务末尾括号内分号前所列单位为配合单位.
    const guangan = planOf("guangan-air-quality-2024");
    expect(rolePairs(guangan, "2.1")).toEqual([
      ["市发展改革委", "lead"],
      ["市经济和信息化局", "lead"],
      ["市生态环境局", "support"],
      ["市自然资源和规划局", "support"],
    ]);
    expect(entry(guangan, "2.1").title).toBe("严把新上项目准入关");
    // A closing bracket of the time limit alone: the lead carries the task alone.
    expect(rolePairs(guangan, "6.5")).toEqual([["市农业农村局", "lead"]]);
    // No 「」: the names share the task.
    expect(roles(guangan, "5.6")).toMatchObject({
      市城市管理执法局: "responsible",
      市农业农村局: "responsible",
    });
    expect(roles(planOf("laizhou-air-quality-2025"), "3.3.1")).toMatchObject({
      市交通运输局: "lead",
      烟台港莱州港区: "support",
    });
  });

  it("reads leads written bold (**X**, 加粗标注的为牵头单位) in a labelled bracket, the others supporting", () => {
    const liyang = planOf("liyang-air-pollution-2025");
    expect(rolePairs(liyang, "2.2.4")).toEqual([
      ["市工信局", "lead"],
      ["常州市溧阳生态环境局", "support"],
      ["市发改委", "support"],
    ]);
    // 个别任务所列责任单位均未加粗的，由所列单位按职责分工共同负责.
    expect(roles(liyang, "2.2.3")).toMatchObject({
      常州市溧阳生态环境局: "responsible",
      市市场监管局: "responsible",
    });
  });

  it("reads a tag after each name (甲〔牵〕、乙〔责〕、丙〔配〕) by the notice's tags, and 按职责分别负责 and a sole unit of 一家", () => {
    const linzhou = planOf("linzhou-air-pollution-2025");
    expect(rolePairs(linzhou, "2.3")[0]).toEqual(["市发改委", "lead"]);
    expect(roles(linzhou, "2.5")).toMatchObject({ 市工业和信息化局: "responsible", 市自然资源局: "support" });
    const qianjiang = planOf("qianjiang-air-quality-2025");
    expect(roles(qianjiang, "8.3")).toEqual({ 市气象局: "responsible", 市生态环境局: "responsible" });
    // 括号内只列一家单位并标注“负责”的，该单位为牵头单位.
    expect(rolePairs(qianjiang, "4.5")).toEqual([["市城管执法委", "lead"]]);
  });

  it("reads the unit a bracket marks 汇总 as the lead of those 按职责负责 when the notice says so, the others supporting", () => {
    const hancheng = planOf("hancheng-air-pollution-2025");
    // （市工信局、市发改委、市生态环境局按职责负责，市工信局汇总；2025年10月底前）
    expect(rolePairs(hancheng, "3.1.2")).toEqual([
      ["市工信局", "lead"],
      ["市发改委", "support"],
      ["市生态环境局", "support"],
    ]);
    // （市发改委负责；2025年12月底前）: one unit alone carries it.
    expect(rolePairs(hancheng, "3.2.4")).toEqual([["市发改委", "responsible"]]);
  });

  it("reads (X于<date>完成，Y配合) with the units before the time leading, and dates the words the notice defines", () => {
    const shuangyashan = planOf("shuangyashan-air-quality-2025");
    // （市应急局、市自然资源局于2025年8月底前完成，市生态环境局配合）: two before the time lead together.
    expect(rolePairs(shuangyashan, "2.4")).toEqual([
      ["市应急局", "lead"],
      ["市自然资源局", "lead"],
      ["市生态环境局", "support"],
    ]);
    expect(isoDates(shuangyashan, "2.4")).toEqual(["2025-08-31"]);
    // （市商务局持续推进，…配合）: a standing task, undated.
    expect(roles(shuangyashan, "4.18")).toMatchObject({ 市商务局: "lead", 市应急局: "support" });
    expect(isoDates(shuangyashan, "4.18")).toEqual([]);
    // “采暖期前”是指2025年10月15日前, “春播前”是指2025年4月30日前 — said in the notice, meant in every task.
    expect(isoDates(shuangyashan, "3.7")).toEqual(["2025-10-15"]);
    expect(isoDates(shuangyashan, "6.28")).toContain("2025-04-30");
    expect(roles(shuangyashan, "3.7")).toMatchObject({ 市住建局: "lead" });
  });

  it("reads a bureau's work points assigning its own sections (主责科室：X；协同科室：Y) and (X为主，Y参与) brackets", () => {
    const jingdezhen = planOf("jingdezhen-air-quality-2025");
    expect(rolePairs(jingdezhen, "2.2")).toEqual([
      ["生态环境监测科", "lead"],
      ["大气生态环境科", "support"],
    ]);
    expect(roles(planOf("daqing-air-quality-2024"), "5.17.2")).toMatchObject({
      市生态环境局: "lead",
      市农业农村局: "support",
    });
  });

  it("reads fields parted by slashes (牵头：甲／参与：乙／时段：…), a span of months as done by its last month's end and 全年 as the year's end", () => {
    const zhucheng = planOf("zhucheng-air-quality-2025");
    expect(rolePairs(zhucheng, "3.1.1")[0]).toEqual(["市发展改革局", "lead"]);
    expect(roles(zhucheng, "3.1.1")).toMatchObject({ 市行政审批服务局: "support" });
    expect(isoDates(zhucheng, "3.1.1")).toEqual(["2025-12-31"]);
    expect(isoDates(zhucheng, "3.2.6")).toEqual(["2026-03-31"]);
    // 【我要打印】 ends the page's body.
    expect(planOf("hechuan-air-pollution-2025").items.some((i) => i.text.includes("我要打印"))).toBe(false);
  });

  it("dates a section's tasks and their points by number from its 时限要求 line, which leaves the last task's text", () => {
    const gujiao = planOf("gujiao-air-quality-2025");
    const dates = (id: string) => gujiao.items.find((i) => i.id === id)?.deadlines.map((d) => d.date);
    expect(dates("2.2")).toEqual(["2025-09-30"]);
    expect(dates("2.6")).toEqual(["2025-07-31"]);
    expect(dates("3.9.1")).toEqual(["2025-10-15"]);
    expect(dates("3.10.1")).toEqual(["2025-10-31"]);
    expect(dates("3.10.2")).toEqual([]);
    expect(gujiao.items.find((i) => i.id === "3.12")?.text).not.toContain("时限要求");
  });

  it("reads units listed on lines under a task with their duties (区经济促进局：推动…), the first leading as the notice says", () => {
    const shunde = planOf("shunde-ozone-2024");
    expect(rolePairs(shunde, "3.1").slice(0, 3)).toEqual([
      ["佛山市生态环境局顺德分局", "lead"],
      ["区经济促进局", "support"],
      ["区市场监督管理局", "support"],
    ]);
    // Towns carry it out where they are; 各镇（街道） too.
    expect(rolePairs(shunde, "3.1")).toContainEqual(["乐从镇", "responsible"]);
    expect(rolePairs(shunde, "6.2")[0]).toEqual(["区城市管理和综合执法局", "lead"]);
  });
});

describe("roles the notice gives by order and by kind of unit, and lines closing tasks 1. 2. 3.", () => {
  it("gives a 牵头：X　协同：Y line after an item's tasks 1. 2. to the item, none of whose tasks had its own", () => {
    const yidu = planOf("yidu-air-quality-2025");
    expect(roles(yidu, "2.4")).toEqual({
      市经信局: "lead",
      市发改局: "support",
      宜昌市生态环境局宜都分局: "support",
      市应急管理局: "support",
    });
    expect(entry(yidu, "2.4.2").departments).toEqual([]);
    expect(isoDates(yidu, "2.4.2")).toEqual(["2026-06-30"]);
    // A page field in square brackets ([ 标　　题 ] …) is the page's, not the title's.
    expect(yidu.meta.issuer).toBe("宜都市人民政府办公室");
  });

  it("reads a label the notice defines (“专责”后所列单位为该项任务的牵头单位), two of them leading jointly", () => {
    expect(roles(planOf("jiangyin-air-pollution-2025"), "2.5")).toEqual({
      市工信局: "lead",
      无锡市江阴生态环境局: "lead",
      市发改委: "support",
      市财政局: "support",
    });
  });

  it("lets the first of several leads lead and the others share, as the notice says in its words", () => {
    // 排序在前的为牵头单位，排序在后的共同承担主体责任; 相关责任单位按照职责分工配合落实.
    expect(roles(planOf("pengzhou-air-quality-2024"), "2.6")).toMatchObject({
      成都市彭州生态环境局: "lead",
      市经济科技和信息化局: "responsible",
      市市场监督管理局: "support",
    });
    // “负责”前列有两个及以上单位的，排在首位的单位为牵头单位，其余单位为共同责任单位.
    expect(roles(planOf("ruzhou-air-pollution-2025"), "3.1.3")).toMatchObject({
      市工业和信息化局: "lead",
      市生态环境局: "responsible",
      市自然资源局: "support",
    });
    // “具体负责”栏…其中排列第一位的单位为牵头单位…其余单位按职责分工负责；“协同配合”栏所列单位为配合单位.
    expect(roles(planOf("jieshou-air-quality-2025"), "2.2.2")).toEqual({
      市经信局: "lead",
      市自然资源和规划局: "responsible",
      市生态环境分局: "support",
      市财政局: "support",
    });
    const read = (opening: string) => readPlanConventions(opening).othersAfterLead;
    expect(read("主体责任单位有两个的，排序在前的为牵头单位，排序在后的共同承担主体责任。")).toBe(
      "responsible",
    );
    expect(read("排在首位的单位为牵头单位，其余单位为共同责任单位。")).toBe("responsible");
  });

  it("reads 责任单位：A、B、C，其中A为牵头单位 with the others supporting, as 括号内所列其他单位配合 says", () => {
    const zhuanghe = planOf("zhuanghe-air-quality-2025");
    expect(roles(zhuanghe, "3.1.4")).toEqual({
      大连市生态环境局庄河分局: "lead",
      市工业和信息化局: "support",
      市市场监督管理局: "support",
    });
    // 未注明牵头单位的，所列单位按照各自职责分工共同负责.
    expect(roles(zhuanghe, "3.4.2")).toEqual({
      大连市生态环境局庄河分局: "responsible",
      市工业和信息化局: "responsible",
    });
  });
});

describe("the twentieth round's conventions", () => {
  it("reads a bracket with an assessment score: （X牵头，Y配合；date；3分）", () => {
    const qingtongxia = planOf("qingtongxia-air-quality-2025");
    expect(roles(qingtongxia, "3.2")).toEqual({
      市工信局: "lead",
      市发改局: "support",
      吴忠市生态环境局青铜峡分局: "support",
    });
    expect(isoDates(qingtongxia, "3.2")).toContain("2025-10-31");
    // （市发改局负责；持续推进；3分）: a sole 负责 with a standing time and a score.
    expect(roles(qingtongxia, "4.5")).toEqual({ 市发改局: "responsible" });
  });

  it("lets the first of several 主推 lead and the others share (其余单位按职责共同负责)", () => {
    expect(roles(planOf("qianxi-air-quality-2025"), "3.2.3")).toEqual({
      县市场监督管理局: "lead",
      县公安局: "responsible",
      县交通运输局: "support",
      县商务局: "support",
    });
  });

  it("lets the first 承办 lead where no 统筹 is named, also when it stands alone", () => {
    const kaiyuan = planOf("kaiyuan-air-quality-2024");
    // 未列“统筹”单位的，由“承办”前列第一位的单位牵头，其余承办单位为责任单位.
    expect(roles(kaiyuan, "2.3")).toEqual({
      开远工业园区管委会: "lead",
      市工业商务和信息化局: "responsible",
      州生态环境局开远分局: "support",
    });
    expect(roles(kaiyuan, "5.4")).toEqual({
      市公安局: "lead",
      市应急管理局: "support",
      市市场监督管理局: "support",
    });
    // A 统筹 named: it leads, the 承办 are responsible.
    expect(roles(kaiyuan, "2.1")).toMatchObject({
      市发展和改革局: "lead",
      市工业商务和信息化局: "responsible",
    });
  });

  it("reads a line of names after the notice's marks: ■ leads, □ supports, △ the deadline", () => {
    const yaozhou = planOf("yaozhou-air-pollution-2025");
    expect(roles(yaozhou, "3.1.2")).toEqual({
      区工信局: "lead",
      区发改局: "support",
      区生态环境分局: "support",
    });
    // Two ■ lead jointly.
    expect(roles(yaozhou, "3.1.3")).toMatchObject({
      区生态环境分局: "lead",
      区工信局: "lead",
      区发改局: "support",
    });
    expect(isoDates(yaozhou, "3.1.2")).toEqual(["2025-09-30"]);
    const marks = readPlanConventions(
      "标注“■”的为牵头单位，标注“□”的为配合单位，“△”后为完成时限。",
    ).lineMarks;
    expect(markedLine("■区发改局　□区工信局　△2025年9月底前", marks)).toBe(
      "区发改局牵头，区工信局配合；2025年9月底前",
    );
    // A line of names with no mark the notice defines is no such line.
    expect(markedLine("区发改局　区工信局", marks)).toBeNull();
  });

  it("reads a 责任清单 of 任务N：牵头单位为…；配合单位为… lines and a 时限清单 grouping tasks under dates", () => {
    const hanchuan = planOf("hanchuan-air-quality-2025");
    // 任务12：牵头单位为A、B；配合单位为…: two leading jointly.
    expect(roles(hanchuan, "3.3.12")).toMatchObject({ 孝感市生态环境局汉川分局: "lead", 市公安局: "lead" });
    // 任务15至任务20：…配合单位均为市经济和信息化局，其中任务19增加市市场监督管理局为配合单位.
    expect(roles(hanchuan, "3.4.19")).toEqual({
      孝感市生态环境局汉川分局: "lead",
      市经济和信息化局: "support",
      市市场监督管理局: "support",
    });
    expect(roles(hanchuan, "3.4.17")).toEqual({
      孝感市生态环境局汉川分局: "lead",
      市经济和信息化局: "support",
    });
    // 任务28至任务30：牵头单位均为X；任务29配合单位为…
    expect(roles(hanchuan, "3.6.29")).toEqual({
      孝感市生态环境局汉川分局: "lead",
      市住房和城乡建设局: "support",
      市交通运输局: "support",
      市商务局: "support",
    });
    expect(isoDates(hanchuan, "3.2.7")).toEqual(["2025-06-30"]);
    // 分阶段完成：任务18于2025年5月31日前完成排查建档，2025年9月30日前完成分类整治.
    expect(isoDates(hanchuan, "3.4.18")).toEqual(["2025-05-31", "2025-09-30"]);
    // 常态化任务 have no date.
    expect(isoDates(hanchuan, "3.3.12")).toEqual([]);
  });

  it("reads a start month beside the deadline (3月启动，11月底前完成) and year-less months in Chinese numerals", () => {
    expect(roles(planOf("danyang-air-pollution-2025"), "3.2")).toMatchObject({ 市工信局: "lead" });
    expect(isoDates(planOf("danyang-air-pollution-2025"), "3.2")).toEqual(["2025-11-30"]);
    const pingluo = planOf("pingluo-air-pollution-2025");
    expect(roles(pingluo, "2.2")).toMatchObject({
      县工业和信息化局: "lead",
      平罗工业园区管委会: "responsible",
    });
    expect(isoDates(pingluo, "2.2")).toEqual(["2025-10-31"]);
  });

  it("names a place by its English name where that is not its pinyin, and answers to the pinyin too", () => {
    const korla = planOf("kuerle-air-quality-2025").profile;
    expect(korla.place?.en).toBe("Korla");
    expect(korla.placeAliases).toEqual(expect.arrayContaining(["Korla", "Kuerle"]));
  });

  it("parts subjects joined by 和 (各镇人民政府、街道办事处和市直有关部门要…)", () => {
    expect(roles(planOf("wafangdian-air-quality-2025"), "8.1")).toMatchObject({
      街道办事处: "responsible",
      市直有关部门: "responsible",
    });
  });

  it("reads 〔X牵头，Y配合｜date〕 before a task's title, 共同主抓, and 【分工】 lines with their 【对标】 no item", () => {
    const wuwei = planOf("wuwei-air-pollution-2025");
    expect(roles(wuwei, "3.2")).toMatchObject({ 市工信局: "lead", 市发展改革委: "support" });
    expect(isoDates(wuwei, "3.2")).toEqual(["2025-09-30"]);
    expect(entry(wuwei, "3.2").title).toBe("加快淘汰落后低效产能");
    const youxian = planOf("youxian-air-quality-2024");
    expect(roles(youxian, "2.4")).toMatchObject({ 县工信局: "lead", 县发改局: "support" });
    // 【对标】市方案第（三）条 names the city plan's clause: no entry of its own.
    expect(youxian.items.some((i) => i.title === "对标")).toBe(false);
    // （县生态环境分局、县交通运输局共同主抓，县住建局、县水务局配合；…）
    expect(roles(planOf("dangtu-air-quality-2024"), "4.17")).toMatchObject({
      县生态环境分局: "lead",
      县交通运输局: "lead",
      县住建局: "support",
    });
  });

  it("reads a Markdown pipe table as a task table, and leaves pipes that make no table alone", () => {
    const deyang = planOf("deyang-air-quality-2025");
    expect(roles(deyang, "1.2")).toMatchObject({ 市经济和信息化局: "lead", 市发展改革委: "support" });
    expect(isoDates(deyang, "1.2")).toEqual(["2025-10-31"]);
    const rows = pipeTableRows(splitLines("| a | b |\n| --- | --- |\n| 1 | 甲 |\n首页 | 机构概况 | 新闻"));
    expect(rows.map((l) => l.text)).toEqual(["a\tb", "", "1\t甲", "首页 | 机构概况 | 新闻"]);
    expect(pipeTableRows(splitLines("| a | b |\n| c | d |")).map((l) => l.text)).toEqual([
      "| a | b |",
      "| c | d |",
    ]);
  });

  it("dates a heading's points by the time limit after its title, and reads 承接单位/协作单位 with a notice's year", () => {
    const wugong = planOf("wugong-air-quality-2025");
    expect(isoDates(wugong, "3.2.1")).toEqual(["2025-09-30"]);
    const xiantao = planOf("xiantao-air-quality-2025");
    // 列有两个及以上承接单位的，排在第一位的为牵头单位…其余承接单位按职责分工负责；“协作单位”配合.
    expect(roles(xiantao, "2.3")).toEqual({
      市发改委: "lead",
      市行政审批局: "responsible",
      市经信局: "support",
      市生态环境局: "support",
    });
    // 完成期限未标注年份的，均指2025年 — the title gives two years.
    expect(isoDates(xiantao, "2.4")).toContain("2025-12-31");
  });

  it("reads a kind of unit by its words, dotted dates, a 分工： line of clauses and a default date for a marked time", () => {
    // （项目长单位：…；成员单位：…；交账时间：…） — labels the genre had no word for, read by their words.
    const luanzhou = planOf("luanzhou-air-pollution-2025");
    expect(roles(luanzhou, "3.1")).toEqual({
      唐山市生态环境局滦州市分局: "lead",
      市工业和信息化局: "support",
      市发展和改革局: "support",
    });
    // 交账时间：分期交账：2025年4月、2025年8月 — each month under the label by its end.
    expect(isoDates(luanzhou, "3.5")).toEqual(["2025-04-30", "2025-08-31"]);
    // 标注“常态推进”的，须常态化开展工作，于2025年12月20日前进行年度交账.
    expect(isoDates(luanzhou, "6.1")).toEqual(["2025-12-20"]);
    // 主责任单位 leads, 协同责任单位 support, 属地责任单位 carry it out locally.
    expect(roles(planOf("gaoping-air-quality-2025"), "2.5.1")).toEqual({
      市能源局: "lead",
      晋城市生态环境局高平分局: "support",
      市自然资源局: "support",
      "有关乡(镇)人民政府": "responsible",
    });
    // （X牵头，Y参与；9.30前） — 时限以“月.日前”形式标注.
    const liuyang = planOf("liuyang-air-quality-2025");
    expect(roles(liuyang, "3.1.2")).toMatchObject({ 市工业和信息化局: "lead", 市自然资源局: "support" });
    expect(isoDates(liuyang, "3.1.2")).toEqual(["2025-09-30"]);
    expect(isoDates(liuyang, "3.2.3")).toEqual(["2025-06-30", "2025-10-31"]);
    // 分工：X牵头；Y负责；Z配合。时限：…
    expect(roles(planOf("huolinguole-air-quality-2025"), "2.4")).toEqual({
      市生态环境分局: "lead",
      工业园区管委会: "responsible",
      市工业和信息化局: "support",
    });
  });

  it("reads groups closed by their role, a dash parting lead and supports, words a notice marks, and named times", () => {
    // 责任分工：A、B（牵头负责）；C、D（参与配合）；E（具体实施）: each group's mark is the whole group's.
    expect(roles(planOf("yuxi-air-quality-2025"), "2.1")).toEqual({
      市发展改革委: "lead",
      市工业和信息化局: "lead",
      市生态环境局: "support",
      市自然资源规划局: "support",
    });
    // 破折号“——”前为牵头单位，破折号后为配合单位; 请径向X（以下简称区生态环境分局）is X.
    const xinhui = planOf("xinhui-air-pollution-2025");
    expect(roles(xinhui, "2.1")).toEqual({
      区生态环境分局: "lead",
      区发展改革局: "support",
      新会供电局: "support",
    });
    expect(xinhui.items.flatMap((i) => i.departments).some((d) => d.name.startsWith("请"))).toBe(false);
    // 各乡镇年度目标由X（以下简称县攻坚办）…分解下达: the matter before 由 is no part of X's name.
    expect(roles(planOf("taikang-air-quality-2024"), "7.33")).toMatchObject({
      县污染防治攻坚战领导小组办公室: "lead",
    });
    // 标注“负责”的单位为牵头单位 … 标注“落实”的单位为属地落实单位; 各镇、街道 is 各镇 and 各街道.
    expect(roles(planOf("duyun-air-pollution-2025"), "2.2")).toEqual({
      市工业和信息化局: "lead",
      州生态环境局都匀分局: "support",
      市发展和改革局: "support",
      都匀经济开发区管委会: "responsible",
      各镇: "responsible",
      各街道: "responsible",
    });
    // “下半年”“年内”均指2025年12月31日前, with （A主办，B协助；年内）.
    const zhaodong = planOf("zhaodong-air-quality-2025");
    expect(roles(zhaodong, "3.1.2")).toMatchObject({ 市工信局: "lead", 市发改局: "support" });
    expect(isoDates(zhaodong, "3.1.2")).toEqual(["2025-12-31"]);
    // 责任落实：X牵头，Y协同，Z落实。销号时限：… after an item's last point is the item's.
    const huanghua = planOf("huanghua-air-pollution-2024");
    expect(roles(huanghua, "2.3")).toMatchObject({
      黄骅经济开发区管委会: "lead",
      市工业和信息化局: "support",
    });
    expect(isoDates(huanghua, "2.3")).toContain("2024-09-30");
  });

  it("reads 〔label〕 lines with names parted by full-width spaces, the first department of the plan's level leading, and points each with their part of one bracket", () => {
    // 〔责任单位〕区工业和信息化局　区生态环境局　区市场监管局　王庆坨镇　崔黄口镇 / 〔完成时限〕2024年10月, after the
    // item's last point: the item's; 列于首位的区级部门为牵头单位 … 各镇街、各园区为属地责任单位.
    const wuqing = planOf("wuqing-air-pollution-2024");
    expect(roles(wuqing, "2.3")).toMatchObject({
      区工业和信息化局: "lead",
      区生态环境局: "support",
      王庆坨镇: "responsible",
    });
    expect(isoDates(wuqing, "2.3")).toEqual(["2024-10-31"]);
    // 〔完成时限〕2024年: 仅标注年份的，应于该年度12月31日前完成.
    expect(isoDates(wuqing, "2.2")).toEqual(["2024-12-31"]);
    // （第1点：X牵头，Y配合，date；第2点：…；第3点：A、B，date）: each point its own part.
    const yutian = planOf("yutian-air-quality-2025");
    expect(roles(yutian, "2.3.1")).toMatchObject({ 县工信局: "lead", 县生态环境分局: "support" });
    expect(isoDates(yutian, "2.3.1")).toEqual(["2025-06-30"]);
    expect(roles(yutian, "2.3.3")).toMatchObject({ 县生态环境分局: "lead", 县发改局: "support" });
    expect(roles(yutian, "2.1.3")).toEqual({ 县行政审批局: "responsible", 县生态环境分局: "responsible" });
    // 〔责任分工〕X主责，Y协责，Z属地落实。
    expect(roles(planOf("xining-air-quality-2025"), "2.2")).toMatchObject({
      市工业和信息化局: "lead",
      市发展改革委: "support",
    });
  });

  it("reads a list running on over semicolons with each unit's own time limit, and 按职责分工负责 beside a lead by the notice's rule", () => {
    // 责任单位及时限：市工业和信息化局（牵头）：2025年12月底前；市发展改革局（配合）：2024年12月底前；市生态环境局（配合）…
    const maoming = planOf("maoming-air-quality-2024");
    expect(roles(maoming, "2.2")).toMatchObject({
      市工业和信息化局: "lead",
      市发展改革局: "support",
      市市场监管局: "support",
    });
    // …市发展改革局（牵头）；市工业和信息化局；市生态环境局；市自然资源局（配合）: 未加注明的为…责任单位.
    expect(roles(maoming, "2.1")).toMatchObject({
      市发展改革局: "lead",
      市工业和信息化局: "responsible",
      市自然资源局: "support",
    });
    // 注明“牵头”的为牵头单位，其余单位为配合单位: （X牵头，Y、Z等按职责分工负责）.
    expect(roles(planOf("jinzhou-air-quality-2025"), "2.5")).toMatchObject({
      市发展改革委: "lead",
      市工业和信息化局: "support",
    });
  });

  it("reads 负主体责任/负配合责任/负属地责任 sentences, and 共同负责实施 as no one leading by the notice's rule", () => {
    // 县工业和信息化局负主体责任，县发展和改革局、市生态环境局莒县分局负配合责任，各乡镇（街道）…负属地责任。
    expect(roles(planOf("juxian-air-pollution-2025"), "2.2.1")).toMatchObject({
      县工业和信息化局: "lead",
      县发展和改革局: "support",
      "各乡镇(街道)": "responsible",
    });
    // 由A、B共同负责实施，C协助实施 — “共同负责实施”的，各单位…分别…负责，不分主次.
    expect(roles(planOf("beiliu-air-quality-2024"), "2.2.1")).toEqual({
      市工业和信息化局: "responsible",
      玉林市北流生态环境局: "responsible",
      北流日用陶瓷产业园管委会: "support",
    });
  });

  it("reads brackets the notice shows by their marks, a lead picked by a note line, and 由甲联合乙实施", () => {
    // 任务内容之前〔 〕内为牵头单位…；任务内容之后（ ）内为配合单位: also after the task's title sentence.
    expect(roles(planOf("duilongdeqing-air-pollution-2025"), "2.1")).toEqual({
      区发展和改革委员会: "lead",
      区经济和信息化局: "support",
      市生态环境局堆龙德庆分局: "support",
    });
    // 责任单位：… / 备注：市住房和城乡建设局牵头 — “备注”中注明“牵头”的单位为牵头单位，该任务其他责任单位为配合单位.
    const baicheng = planOf("baicheng-air-pollution-2025");
    expect(roles(baicheng, "2.1.1")).toMatchObject({ 市住房和城乡建设局: "lead", 市生态环境局: "support" });
    // 分点未另列责任单位…的，执行该任务所列分工: the points' departments stay their task's.
    expect(entry(baicheng, "5.1.1").departments.every((d) => d.from === "5.1")).toBe(true);
    const yanji = planOf("yanji-air-quality-2025");
    expect(roles(yanji, "3.1.1")).toEqual({ 市交通运输局: "lead", 市公安局: "support", 市商务局: "support" });
    // 2.65蒸吨/小时及以上… after point 1.: point 2, opening with a figure, not a decimal.
    expect(entry(yanji, "2.2.2").title.startsWith("65蒸吨")).toBe(true);
    expect(roles(yanji, "2.2.2")).toEqual({ 州生态环境局延吉市分局: "responsible" });
    // …联合…实施，2025年6月下旬前完成编码登记，路检抽测全年持续开展: the times after the assigning clause.
    expect(roles(yanji, "3.2")).toMatchObject({ 州生态环境局延吉市分局: "lead", 市公安局: "support" });
    // “负责”所列单位为该项任务的牵头单位: a verb of the genre given another role by the notice.
    expect(roles(planOf("yongchun-air-pollution-2025"), "2.1")).toMatchObject({ 县发展和改革局: "lead" });
  });

  it("reads 牵头落实/协同落实 lines with staged dates, 本条 lines after points, and a point dividing its item", () => {
    const pingqiao = planOf("pingqiao-air-quality-2024");
    expect(roles(pingqiao, "2.1")).toMatchObject({ 区发展和改革委员会: "lead", 区工业和信息化局: "support" });
    // 办结时限：2024年6月30日（排查建档）、2024年11月30日（整治提升）.
    expect(isoDates(pingqiao, "2.3")).toEqual(["2024-06-30", "2024-11-30"]);
    // 本点落实责任 under each point, 本条落实责任 after the last: the item's, not its last point's.
    const nankang = planOf("nankang-air-quality-2025");
    expect(roles(nankang, "3.1")).toMatchObject({ 赣州市南康生态环境局: "lead", 区市场监管局: "support" });
    expect(roles(nankang, "3.1.2")).toMatchObject({ 区工信局: "lead", 区市场监管局: "responsible" });
    expect(roles(nankang, "3.1.3")).toEqual({});
    // 4. 责任分工。第1点由X牵头，Y协同…；本项各点由…；其中第3点另由Z负责….
    const xinluo = planOf("xinluo-air-pollution-2025");
    expect(roles(xinluo, "3.1.1")).toEqual({ 区工信局: "lead", 龙岩市新罗生态环境局: "support" });
    expect(roles(xinluo, "3.3")).toMatchObject({ 区交通运输局: "lead" });
    expect(roles(xinluo, "3.3.3")).toMatchObject({ 区交通运输局: "lead", 区住建局: "responsible" });
    expect(roles(xinluo, "3.3.4")).toEqual({});
  });

  it("reads units before their role (X：牵头；Y：落实), 责成 and 请 sentences, 本条任务 after points, marks before or after names, and 在X统筹下", () => {
    // （区发展和改革局：牵头；…、区工业和信息化局：落实；…：协助；2025年12月底前）
    expect(roles(planOf("zunyi-huichuan-air-quality-2025"), "2.1")).toEqual({
      区发展和改革局: "lead",
      遵义市生态环境局汇川分局: "responsible",
      区工业和信息化局: "responsible",
      遵义市自然资源局汇川分局: "support",
    });
    // 责成X牵头，Y协同 inside a point; a 责成 paragraph after the points is the item's.
    const bijie = planOf("bijie-air-pollution-2025");
    expect(roles(bijie, "2.1.1")).toEqual({ 市能源局: "lead", 市生态环境局: "support" });
    expect(roles(bijie, "2.2")).toMatchObject({ 市工业和信息化局: "lead", 市生态环境局: "support" });
    expect(roles(bijie, "2.2.2")).toEqual({});
    // （X为主，Y为辅，请Z支持，W具体落实；办理时限：…）
    expect(roles(planOf("hami-air-quality-2025"), "3.3")).toEqual({
      市发展改革委: "lead",
      市自然资源局: "support",
      市生态环境局: "support",
      国网哈密供电公司: "support",
    });
    // 本条任务，责成… after a point's own points (（十）→ 2. → （2）): the 条's.
    const wuzhong = planOf("wuzhong-air-pollution-2025");
    expect(roles(wuzhong, "5.10")).toMatchObject({ 市农业农村局: "lead", 市生态环境局: "support" });
    expect(roles(wuzhong, "5.10.2")).toEqual({});
    expect(roles(wuzhong, "2.2")).toMatchObject({ 市生态环境局: "lead", 市市场监督管理局: "support" });
    // 落实单位：区工信局①，彭城镇②，…③ with 完成节点：… lines; after （1）（2） they are point 3's.
    const fengfeng = planOf("fengfeng-air-quality-2025");
    expect(roles(fengfeng, "2.2.1")).toEqual({
      区工信局: "lead",
      彭城镇: "responsible",
      临水镇: "responsible",
      生态环境峰峰分局: "support",
    });
    expect(roles(fengfeng, "2.2.3")).toEqual({
      生态环境峰峰分局: "lead",
      区工信局: "responsible",
      区市场监管局: "support",
    });
    expect(isoDates(fengfeng, "2.2.3")).toEqual(["2025-06-30"]);
    // 峰峰矿区 is Fengfeng: 矿区 is a suffix.
    expect(fengfeng.profile.place?.en).toBe("Fengfeng");
    // （◆X、○Y、◇Z；date）
    expect(roles(planOf("dongying-air-quality-2025"), "2.2.1")).toEqual({
      市工业和信息化局: "lead",
      东营港经济开发区管委会: "responsible",
      市发展改革委: "support",
      市生态环境局: "support",
    });
    // （在X统筹下，Y、W负责，Z协助；date）
    expect(roles(planOf("luzhou-air-pollution-2025"), "2.2.1")).toMatchObject({
      市生态环境局: "lead",
      纳溪区人民政府: "responsible",
      市经济和信息化局: "support",
    });
  });

  it("reads the first of several responsible units leading (a sole one too), 限…前完成, a task's opening units leading, labels over clauses (交办意见：, 作战分工：) and roles joined to names (牵头—X, 主·X)", () => {
    // （X、Y负责，Z参与；date）: 责任单位有两个及以上的，排在首位的为牵头单位 — one alone is the first.
    const zhangye = planOf("zhangye-air-quality-2025");
    expect(roles(zhangye, "3.2.1")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "responsible",
      市发展改革委: "support",
    });
    expect(roles(zhangye, "3.3.1")).toMatchObject({ 市住房和城乡建设局: "lead", 市生态环境局: "support" });
    // 交办意见：X、Y主办，Z配合，…办结 — the first 主办 leads, the others share its duty.
    const ganzhou = planOf("ganzhou-air-pollution-2025");
    expect(roles(ganzhou, "2.1")).toEqual({
      市生态环境局: "lead",
      市工业和信息化局: "responsible",
      市发展改革委: "support",
      市交通运输局: "support",
    });
    expect(roles(ganzhou, "4.8")).toEqual({ 市城市管理局: "lead" });
    // （X主持，Y承担，Z参加；限2025年10月31日前完成）
    const panjin = planOf("panjin-air-quality-2025");
    expect(roles(panjin, "2.2.2")).toMatchObject({
      市生态环境局: "lead",
      各县区人民政府: "responsible",
      市市场监督管理局: "support",
    });
    expect(isoDates(panjin, "2.2.2")).toEqual(["2025-11-30"]);
    // 每项任务以单位名称开头，开头的单位为牵头单位.
    const anshun = planOf("anshun-air-pollution-2025");
    expect(roles(anshun, "2.1.1")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "support",
      相关县人民政府: "responsible",
    });
    expect(roles(anshun, "2.2")).toMatchObject({ 市生态环境局: "lead", 市工业和信息化局: "support" });
    // 作战分工：X挂帅，Y主战，Z参战；…前攻克
    expect(roles(planOf("haidong-air-pollution-2025"), "2.1.1")).toEqual({
      市生态环境局: "lead",
      海东工业园区管委会: "responsible",
      市工业和信息化局: "support",
    });
    // 主·X　协·Y、Z　属·W　限·date on a line of its own
    const mudanjiang = planOf("mudanjiang-air-quality-2025");
    expect(roles(mudanjiang, "2.1.1")).toMatchObject({
      市住房和城乡建设局: "lead",
      市生态环境局: "support",
      市市场监督管理局: "support",
    });
    expect(isoDates(mudanjiang, "2.1.2")).toEqual(["2025-10-15"]);
    // 责任：牵头—X；参与—Y；落实—Z after the points is the item's, a point's own （本点责任：…） its own.
    const baise = planOf("baise-air-pollution-2025");
    expect(roles(baise, "2.1")).toMatchObject({ 市工业和信息化局: "lead", 市生态环境局: "support" });
    expect(roles(baise, "2.1.3")).toMatchObject({ 市生态环境局: "lead", 市应急管理局: "support" });
    expect(roles(baise, "2.1.3")).not.toHaveProperty("市工业和信息化局");
  });

  it("reads names each with its role in a bracket (X（主责）、Y（协同）、Z（属地）) and dispatch lines after a section's tasks (派单N　（二）2　承办：…)", () => {
    // 分工：X（主责）、Y（协同）、Z（属地）；期限：… under each task; a point's own (1. → （1）（2） → 分工：…) is its own.
    const baoshan = planOf("baoshan-air-pollution-2025");
    expect(roles(baoshan, "2.1")).toEqual({
      市发展和改革委员会: "lead",
      市工业和信息化局: "support",
      市生态环境局: "support",
    });
    expect(roles(baoshan, "5.8.1")).toMatchObject({ 市住房和城乡建设局: "lead", 市交通运输局: "support" });
    expect(roles(baoshan, "5.8.2")).toEqual({ 市住房和城乡建设局: "lead", 隆阳区人民政府: "responsible" });
    expect(roles(baoshan, "5.8")).toEqual({});
    // 本部分派单 then 派单1　（一）　承办：…　协办：…　回单时限：… — the lines are no part of the last task.
    const rizhao = planOf("rizhao-air-pollution-2025");
    expect(roles(rizhao, "2.1")).toEqual({
      市工业和信息化局: "lead",
      市发展改革委: "support",
      市生态环境局: "support",
    });
    expect(roles(rizhao, "2.2.2")).toMatchObject({ 市发展改革委: "lead", 市住房城乡建设局: "support" });
    expect(isoDates(rizhao, "2.2.2")).toEqual(["2025-10-31"]);
    expect(entry(rizhao, "2.3").text).not.toContain("派单");
    // A dispatch to an item covers its points, as the item's.
    expect(entry(rizhao, "2.2.1").departments.every((d) => d.from === "2.2")).toBe(true);
  });

  it("reads （A、B、C，以A为主；date） and three brackets in a row whose places the notice gives the roles of", () => {
    // 以A为主: A leads, the others help; without it the units share the task.
    const hanzhong = planOf("hanzhong-air-quality-2025");
    expect(roles(hanzhong, "2.2.1")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "support",
      各县区人民政府: "support",
    });
    expect(roles(hanzhong, "2.2.2")).toEqual({
      市生态环境局: "responsible",
      市市场监督管理局: "responsible",
      各县区人民政府: "responsible",
    });
    // （lead）（responsible）（support）, （—） for none; the time limit in the text (限…前完成).
    const yongzhou = planOf("yongzhou-air-pollution-2025");
    expect(roles(yongzhou, "2.2.2")).toEqual({
      市工业和信息化局: "lead",
      各县市区人民政府: "responsible",
      市生态环境局: "support",
      市发展和改革委员会: "support",
    });
    expect(roles(yongzhou, "2.2.3")).toMatchObject({
      市生态环境局: "responsible",
      市工业和信息化局: "support",
    });
    expect(isoDates(yongzhou, "2.2.2")).toEqual(["2025-12-31"]);
  });

  it("reads 本条… paragraphs dividing an item among its points (分别由A、B、C牵头, 分别于…, 第1点另由…)", () => {
    const chengde = planOf("chengde-air-pollution-2025");
    // 本条第1、2、3点分别由A、B、C牵头，D、E配合，F负责落实；…: each point its lead, the rest the item's.
    expect(roles(chengde, "4.9.1")).toMatchObject({ 市住房城乡建设局: "lead" });
    expect(roles(chengde, "4.9.2")).toMatchObject({ 市城市管理综合行政执法局: "lead" });
    expect(roles(chengde, "4.9")).toMatchObject({ 市交通运输局: "support", 市水务局: "support" });
    expect(entry(chengde, "4.9.1").departments.find((d) => d.name === "市交通运输局")?.from).toBe("4.9");
    // 分别于2025年6月底前、9月底前、12月底前完成; 第1点另由X、Y配合.
    expect(isoDates(chengde, "2.1.2")).toEqual(["2025-09-30"]);
    expect(roles(chengde, "3.7.1")).toMatchObject({
      市生态环境局: "lead",
      市商务局: "support",
      市财政局: "support",
    });
    // 本条由X牵头… closing an item without points: X, not 本条由X.
    expect(roles(chengde, "2.2")).toMatchObject({ 市生态环境局: "lead", 市自然资源和规划局: "support" });
  });

  it("reads labels the notice defines in brackets (“【统筹】”后所列为牵头单位) on the line under a task, not as titled items", () => {
    const shangrao = planOf("shangrao-air-quality-2025");
    // 【统筹】X　【执行】Y　【支撑】Z　【时间】date under each task: fields of the task, no entry of their own.
    expect(shangrao.items.some((i) => i.id === "2.1.1")).toBe(false);
    expect(roles(shangrao, "2.1")).toEqual({
      市发展改革委: "lead",
      "各县(市、区)人民政府": "responsible",
      市工业和信息化局: "support",
      市生态环境局: "support",
    });
    expect(roles(shangrao, "2.2.1")).toMatchObject({ 市工业和信息化局: "lead", 市生态环境局: "support" });
    expect(isoDates(shangrao, "2.2.2")).toEqual(["2025-10-31"]);
  });

  it("reads 任务书：总责单位为X；执行单位为Y；协助单位为Z — kinds of unit the notice defines, written with 为", () => {
    const ankang = planOf("ankang-air-pollution-2025");
    expect(roles(ankang, "2.2.1")).toEqual({
      市生态环境局: "lead",
      汉滨区人民政府: "responsible",
      旬阳市人民政府: "responsible",
      白河县人民政府: "responsible",
      市工信局: "support",
    });
    // A line naming no 执行单位: the others still read.
    expect(roles(ankang, "3.5.2")).toEqual({
      市发展改革委: "lead",
      市自然资源局: "support",
      市林业局: "support",
    });
  });

  it("reads a word parting leads from supports by the notice's rule (“及”字前…牵头, “商”字之前…牵头), and names alone", () => {
    const heze = planOf("heze-air-quality-2025");
    expect(roles(heze, "3.1.2")).toEqual({
      市工业和信息化局: "lead",
      市发展改革委: "support",
      市生态环境局: "support",
      市自然资源和规划局: "support",
    });
    // 括号内没有“及”字的，所列单位均为责任单位.
    expect(roles(heze, "3.1.3")).toEqual({ 市生态环境局: "responsible", 市工业和信息化局: "responsible" });
    const luan = planOf("luan-air-quality-2025");
    // （X商Y办理；date办结）; 市商务局 holds 商 inside its name; 分阶段办结 is a time limit.
    expect(roles(luan, "4.2.1")).toEqual({
      市生态环境局: "lead",
      市公安局: "support",
      市交通运输局: "support",
      市商务局: "support",
    });
    expect(roles(luan, "6.1.2")).toEqual({
      市商务局: "responsible",
      市生态环境局: "responsible",
      市市场监管局: "responsible",
    });
    expect(roles(luan, "2.3")).toMatchObject({ 市经济和信息化局: "lead", 市市场监管局: "support" });
    // A point （2） closing with its own bracket under a task that named its units at its title: the point's own.
    expect(roles(luan, "5.1.3")).toEqual({ 市自然资源和规划局: "lead", 市生态环境局: "support" });
    expect(roles(luan, "5.1.3.2")).toEqual({ 市城市管理局: "responsible", 市住房城乡建设局: "responsible" });
  });

  it("reads 本点由X主办… sentences, and (lead，date) brackets with a 协同单位 line naming points by number", () => {
    const shiyan = planOf("shiyan-air-pollution-2025");
    expect(roles(shiyan, "2.2.1")).toEqual({ 市经信局: "lead", 市生态环境局: "support" });
    const tongren = planOf("tongren-air-pollution-2025");
    // （市能源局，2025年9月底前）: the notice's leads, the date beside them; 协同单位：甲（1、3、4）、乙.
    expect(roles(tongren, "2.1.3")).toEqual({
      市能源局: "lead",
      市工业和信息化局: "support",
      市发展改革委: "support",
      市市场监管局: "support",
    });
    expect(roles(tongren, "2.1.2")).toEqual({ 市生态环境局: "lead", 市工业和信息化局: "lead" });
    expect(roles(tongren, "2.2")).toEqual({ 市生态环境局: "support" });
    // An item without points: its bracket and its 协同单位 line together.
    expect(roles(tongren, "2.4")).toEqual({
      市农业农村局: "lead",
      市公安局: "lead",
      市综合行政执法局: "support",
      市生态环境局: "support",
      市林业局: "support",
    });
  });

  it("starts the plan after a notice's own points when its title follows them unsigned, and reads a field's name over a sentence", () => {
    const nanping = planOf("nanping-air-quality-2025");
    // 一、二、三、 of the notice, then the plan's title as the notice's title names it: 一、工作目标 is section 1.
    expect(nanping.sections[0]?.title).toBe("工作目标");
    // 【责任与时限】X总协调，Y、Z承办，W协助 — the notice's words; a line after the item's first paragraph covers its
    // points, and so does its date (the notice's default is for lines naming none).
    expect(roles(nanping, "2.1")).toEqual({
      市发展和改革委员会: "lead",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      市自然资源局: "support",
    });
    expect(isoDates(nanping, "2.3.2")).toEqual(["2025-11-30"]);
    // 推进机制：X总牵头，Y抓推进，Z作保障，date见成效 — after the last point with none before it, the item's.
    const fuxin = planOf("fuxin-air-pollution-2025");
    expect(roles(fuxin, "2.1.1")).toEqual({ 市生态环境局: "lead", 有关县区人民政府: "responsible" });
    expect(roles(fuxin, "5.10")).toMatchObject({ 市农业农村局: "lead", 市气象局: "support" });
    expect(roles(fuxin, "5.10.2")).toEqual({});
  });

  it("reads （date｜主力：甲、乙｜助力：丙） by the notice's rules: a kind of unit said to carry the task out, the first leading", () => {
    const wuzhishan = planOf("wuzhishan-air-pollution-2025");
    expect(roles(wuzhishan, "2.1.2")).toEqual({
      市住房和城乡建设局: "lead",
      市生态环境局: "responsible",
      市大数据服务中心: "support",
    });
    expect(roles(wuzhishan, "2.2")).toEqual({
      市综合行政执法局: "lead",
      市交通运输局: "responsible",
      市公安局交通警察大队: "support",
    });
    expect(isoDates(wuzhishan, "2.2")).toEqual(["2025-08-31"]);
  });

  it("reads （A、B、C，前N位牵头；date） brackets, 在X配合下，由Y牵头，Z负责落实 sentences, and a line of roles after the last point as the item's", () => {
    // The first N names lead, the others support; a stage of the task with its date names no one.
    const yancheng = planOf("yancheng-air-quality-2025");
    expect(roles(yancheng, "2.1")).toEqual({
      市发展改革委: "lead",
      市工业和信息化局: "lead",
      市生态环境局: "support",
      "各县(市、区)人民政府": "support",
    });
    expect(roles(yancheng, "2.3")).toMatchObject({ 市生态环境局: "lead", 市市场监管局: "support" });
    expect(roles(yancheng, "2.2.3")).toEqual({ 市生态环境局: "responsible", 市市场监管局: "responsible" });
    // 在…配合下: the units helping support (no 在 glued to the first); the enterprises concerned carry it out.
    const dali = planOf("dali-air-pollution-2025");
    expect(roles(dali, "2.1.1")).toEqual({
      市工业商务和信息化局: "support",
      凤仪镇人民政府: "support",
      州生态环境局大理分局: "lead",
      相关企业: "responsible",
    });
    // The sentence standing alone after points 1. and 2. is the item's, not its last point's.
    expect(roles(dali, "4.8")).toMatchObject({ 市农业农村局: "lead", 市林业和草原局: "support" });
    expect(roles(dali, "4.8.2")).toEqual({});
    const gejiu = planOf("gejiu-air-pollution-2024");
    expect(roles(gejiu, "3.1")).toMatchObject({ 红河州生态环境局个旧分局: "lead" });
    expect(roles(gejiu, "3.1.3")).toEqual({});
  });

  it("reads roles a notice defines unquoted (总负责的单位为牵头单位) opening a task, and a point's own bracket under a titled item", () => {
    // 由X总负责，Y具体承办，Z协助办理。 before the task's words; a point's own sentence is its own.
    const changde = planOf("changde-air-quality-2025");
    expect(roles(changde, "2.1")).toEqual({
      市发展和改革委员会: "lead",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      市自然资源和规划局: "support",
    });
    expect(roles(changde, "2.2.1")).toEqual({
      市市场监督管理局: "lead",
      "各区县(市)人民政府": "responsible",
    });
    // 鼎城区、澧县、桃源县人民政府: a county of one character before 县 is a place too.
    expect(roles(changde, "3.3")).toMatchObject({ 澧县人民政府: "responsible" });
    // 5.（一）（bracket）→ 1. title → （1）（2）…（bracket）: the bracket closing （2）'s line is （2）'s own.
    const wuzhou = planOf("wuzhou-air-pollution-2025");
    expect(roles(wuzhou, "5.1.1.2")).toEqual({ 市城市管理监督局: "lead", 市公安局: "support" });
  });

  it("reads 本项分解：X统筹本项；Y负责第1点 lines after the points, and a part's closing 协同配合 paragraph pointing into it", () => {
    const zhuzhou = planOf("zhuzhou-air-quality-2025");
    expect(roles(zhuzhou, "2.1")).toEqual({ 市发展和改革委员会: "lead", 市生态环境局: "support" });
    expect(roles(zhuzhou, "2.1.1")).toMatchObject({ 市工业和信息化局: "responsible" });
    expect(isoDates(zhuzhou, "2.1.1")).toEqual(["2025-05-31"]);
    expect(isoDates(zhuzhou, "2.1.2")).toEqual(["2025-10-31"]);
    expect(roles(zhuzhou, "2.2")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "responsible",
      市市场监督管理局: "support",
    });
    // 〔牵头：X；实施：Y〕 (“实施”后所列为该项责任单位); 市发改委配合第（一）项第1点和第（三）项.
    const quzhou = planOf("quzhou-air-pollution-2025");
    expect(roles(quzhou, "2.1")).toEqual({ 市经信局: "lead", 市生态环境局: "responsible" });
    expect(roles(quzhou, "2.1.1")).toMatchObject({ 市发改委: "support", 市自然资源和规划局: "support" });
    expect(roles(quzhou, "2.3")).toMatchObject({ 市发改委: "support", 市电力公司: "support" });
  });

  it("reads one-character marks after names (X领，Y协，W办), 【落实】 fields the notice names beside 【本点落实】, and 责任线 chains ordered 牵头—责任—配合", () => {
    const nanchong = planOf("nanchong-air-quality-2025");
    expect(roles(nanchong, "2.2.1")).toMatchObject({
      市经济和信息化局: "lead",
      市自然资源和规划局: "support",
      "各县(市、区)人民政府": "responsible",
    });
    // 【落实】 after the last point's 【本点落实】 is the item's; neither is a titled entry.
    const loudi = planOf("loudi-air-pollution-2025");
    expect(loudi.items.some((i) => i.id === "2.2.2.1")).toBe(false);
    expect(roles(loudi, "2.2")).toEqual({
      市生态环境局: "lead",
      市工业和信息化局: "support",
      娄星区人民政府: "responsible",
    });
    expect(roles(loudi, "2.2.3")).toMatchObject({ 市交通运输局: "lead", 市发展和改革委员会: "support" });
    expect(isoDates(loudi, "2.2.3")).toEqual(["2025-12-31"]);
    // 责任线：A—/—C: the rings in the notice's order, / for none.
    const jiujiang = planOf("jiujiang-air-quality-2025");
    expect(roles(jiujiang, "4.1")).toEqual({ 市交通运输局: "lead", 市发展改革委: "support" });
    expect(roles(jiujiang, "2.2.1")).toMatchObject({ 市生态环境局: "lead", 湖口县人民政府: "responsible" });
  });

  it("reads a frame the notice defines around names (“以……为主体”的单位为牵头单位), 今年 dates, holidays and 项目化安排 lines", () => {
    // 本项以X为主体，Y共同参与，Z抓好落实，今年11月底前完成 after the points: the item's; 本点以… a point's own.
    const pingxiang = planOf("pingxiang-air-pollution-2025");
    expect(roles(pingxiang, "2.2")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "support",
      湘东区人民政府: "responsible",
      安源区人民政府: "responsible",
    });
    expect(isoDates(pingxiang, "2.2")).toEqual(["2025-11-30"]);
    expect(entry(pingxiang, "2.2.2").departments.every((d) => d.from === "2.2")).toBe(true);
    expect(roles(pingxiang, "2.2.1")).toMatchObject({ 市生态环境局: "lead", 市交通运输局: "support" });
    expect(isoDates(pingxiang, "2.2.1")).toEqual(["2025-09-30"]);
    // 2025年国庆节前 is the day before the holiday; 2025年“五一”前 the day before May Day.
    const neijiang = planOf("neijiang-air-pollution-2025");
    expect(isoDates(neijiang, "2.2")).toEqual(["2025-09-30"]);
    expect(isoDates(neijiang, "2.3.1")).toEqual(["2025-04-30"]);
    // 项目化安排 after a point's own （1）（2）（3）: the point's; after the last of points whose item has its own: that
    // point's.
    const longyan = planOf("longyan-air-quality-2025");
    expect(roles(longyan, "5.2.2")).toEqual({
      市生态环境局: "lead",
      市住建局: "responsible",
      市城市管理局: "responsible",
      市交通运输局: "support",
    });
    expect(entry(longyan, "5.2.2.3").departments).toEqual([]);
    expect(roles(longyan, "4.4.3")).toEqual({
      市商务局: "lead",
      "各县(市、区)人民政府": "responsible",
      市生态环境局: "support",
      市市场监管局: "support",
    });
    // 标题下方所列分工和时限适用于各点: a field line under a heading is the item's; its points take it from it.
    const handan = planOf("handan-air-pollution-2025");
    expect(roles(handan, "2.2")).toMatchObject({ 市生态环境局: "lead", 武安市人民政府: "responsible" });
    expect(entry(handan, "2.2.1").departments.every((d) => d.from === "2.2")).toBe(true);
    expect(entry(handan, "2.1.2").departments.some((d) => d.from === undefined)).toBe(true);
  });

  it("reads defined words standing before names clause after clause (主责在X，落实在Y), fields parted by bars (主送：X｜报结：date), a point's own line after its item's, and a point's bracket leaving its item's other roles", () => {
    // 主责在X，落实在Y，协同在Z，完成于…: each defined word before its names is their label.
    const anyang = planOf("anyang-air-quality-2025");
    expect(roles(anyang, "3.1")).toEqual({
      市发展改革委: "lead",
      "各县(市、区)人民政府": "responsible",
      市工业和信息化局: "support",
      市生态环境局: "support",
    });
    // 甲区、乙区人民政府和丙管委会: the bare places take the government's body, not the last name's.
    expect(Object.keys(roles(anyang, "6.1.2"))).toContain("文峰区人民政府");
    // 〔组织不力问X；落实不力问Y；配合不力问Z〕 reads the same way.
    expect(roles(planOf("nanyang-air-pollution-2025"), "2.1")).toMatchObject({ 市发展改革委: "lead" });
    // 主送：X｜分送：Y｜抄送：Z｜报结：2025年9月30日 — 报结 is the time limit the notice defines.
    const baoding = planOf("baoding-air-quality-2025");
    expect(roles(baoding, "2.2.1")).toMatchObject({ 市生态环境局: "lead", 市工业和信息化局: "support" });
    expect(isoDates(baoding, "2.2.1")).toEqual(["2025-09-30"]);
    // A labelled line after the last point, the item having its own above its points: the point's.
    const changzhi = planOf("changzhi-air-pollution-2025");
    expect(roles(changzhi, "5.1.2")).toEqual({ 市交通运输局: "lead", 市商务局: "support" });
    expect(entry(changzhi, "5.1.1").departments.every((d) => d.from === "5.1")).toBe(true);
    // 1．5000平方米… and 1．5月至9月… open points; 括号未列的内容仍按条目括号执行 keeps the item's supports.
    const zibo = planOf("zibo-air-pollution-2025");
    expect(isoDates(zibo, "6.1.2")).toEqual(["2025-05-31"]);
    expect(roles(zibo, "5.1.2")).toEqual({
      市城市管理局: "lead",
      各区县政府: "responsible",
      市生态环境局: "support",
    });
    expect(isoDates(planOf("guilin-air-quality-2025"), "6.2.2")).toEqual(["2025-05-31"]);
    // 问责节点：立秋前 — a solar term as a deadline, in the plan's year.
    expect(isoDates(planOf("nanyang-air-pollution-2025"), "2.2.1")).toEqual(["2025-08-07"]);
  });

  it("reads kinds the notice names unquoted (第一考核对象为X), a time word defined so (考核节点为…最后期限), and points covered by their item's lines, dated with it", () => {
    const jiamusi = planOf("jiamusi-air-pollution-2025");
    expect(roles(jiamusi, "2.1")).toEqual({
      市发展和改革委员会: "lead",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      市自然资源局: "support",
    });
    expect(isoDates(jiamusi, "2.1")).toEqual(["2025-12-31"]);
    // 适用于该项任务的全部内容: a point with no lines of its own is its item's.
    expect(entry(jiamusi, "2.2.1").departments.every((d) => d.from === "2.2")).toBe(true);
    // （本点考核对象：…；考核节点：2025年10月15日。） replaces the item's lines for its point.
    expect(roles(jiamusi, "2.2.2")).toEqual({
      市发展和改革委员会: "lead",
      市生态环境局: "responsible",
      国网佳木斯供电公司: "support",
    });
    expect(isoDates(jiamusi, "2.2.2")).toEqual(["2025-10-15"]);
  });

  it("reads 此项工作，X是牵头部门… paragraphs (写明“是牵头部门”的单位，负责统筹…), an item's paragraph after a point's own, and the other points keeping it", () => {
    const zhangjiakou = planOf("zhangjiakou-air-pollution-2025");
    expect(roles(zhangjiakou, "2.1")).toEqual({
      市发展改革委: "lead",
      各县区政府: "responsible",
      市住房城乡建设局: "support",
      市农业农村局: "support",
      市财政局: "support",
    });
    // 三（一）: point 2 has its own 此点工作; the item's 此项工作 after point 3 is the item's (with its date), and
    // points 1 and 3 name nothing of their own: an answer shows them the item's.
    expect(roles(zhangjiakou, "3.1.2")).toMatchObject({
      市工业和信息化局: "lead",
      涿鹿县政府: "responsible",
    });
    expect(roles(zhangjiakou, "3.1")).toMatchObject({
      市生态环境局: "lead",
      市工业和信息化局: "responsible",
    });
    expect(isoDates(zhangjiakou, "3.1")).toEqual(["2025-09-30"]);
    for (const id of ["3.1.1", "3.1.3"]) {
      expect(roles(zhangjiakou, id)).toEqual({});
      expect(isoDates(zhangjiakou, id)).toEqual([]);
    }
  });

  it("reads ※X挑头；Y落地；Z助推 lines (列为“挑头”的单位为牵头单位), 以上各点由X牵引… after the points, and codes a later section defines (组合乙：X牵头，…)", () => {
    const yanan = planOf("yanan-air-quality-2025");
    expect(roles(yanan, "2.1.1")).toEqual({
      市工业和信息化局: "lead",
      "各县(市、区)人民政府": "responsible",
      市生态环境局: "support",
    });
    // A ※ line under the item's text, before its points, covers them.
    expect(entry(yanan, "2.3.1").departments.every((d) => d.from === "2.3")).toBe(true);
    const shaoxing = planOf("shaoxing-air-pollution-2025");
    expect(roles(shaoxing, "2.1")).toMatchObject({
      市生态环境局: "lead",
      柯桥区人民政府: "responsible",
      市经信局: "support",
    });
    // The points name nothing of their own: an answer shows them the item's.
    expect(roles(shaoxing, "2.1.2")).toEqual({});
    const guigang = planOf("guigang-air-pollution-2025");
    expect(roles(guigang, "3.3")).toEqual({
      市发展和改革委员会: "lead",
      桂平市人民政府: "responsible",
      平南县人民政府: "responsible",
      市自然资源局: "support",
      广西电网公司贵港供电局: "support",
    });
    expect(isoDates(guigang, "3.3")).toEqual(["2025-12-31"]);
    // 未另行括注的，按所属任务的括注执行: a point with no bracket is its item's.
    expect(entry(guigang, "2.1.2").departments.every((d) => d.from === "2.1")).toBe(true);
    // The section defining the codes gives no task to anyone.
    expect(entry(guigang, "7").departments).toEqual([]);
    // 交办意见：… on every task's line is a label, no code (赣州).
    expect(roles(planOf("ganzhou-air-pollution-2025"), "2.1")).toMatchObject({ 市生态环境局: "lead" });
  });

  it("reads shares of a task (责任权重：X50%，Y40%，Z10%) by the notice's rule: the highest leads, 20% and more is responsible", () => {
    const linyi = planOf("linyi-air-quality-2025");
    expect(roles(linyi, "2.1.1")).toEqual({
      市生态环境局: "lead",
      临港经济开发区管委会: "responsible",
      市工业和信息化局: "support",
    });
    expect(roles(linyi, "2.3")).toEqual({
      市生态环境局: "lead",
      市商务局: "responsible",
      市市场监管局: "support",
      市应急管理局: "support",
    });
    expect(isoDates(linyi, "2.1.1")).toEqual(["2025-06-30"]);
  });

  it("reads a labelled line of groups each closed by a verb the notice defines (本条分包：X总包；Y、Z分包；W协作)", () => {
    expect(roles(planOf("xianyang-air-pollution-2025"), "2.1")).toEqual({
      市工信局: "lead",
      市发改委: "responsible",
      礼泉县政府: "responsible",
      乾县政府: "responsible",
      市生态环境局: "support",
      国网咸阳供电公司: "support",
    });
  });
});

describe("the thirtieth round's conventions", () => {
  it("gives the item a line of nothing but roles after its last point (X抓统筹，Y抓落地，年内见效), the point keeping its own sentence above it", () => {
    const tongliao = planOf("tongliao-air-quality-2025");
    // 3. …市住房和城乡建设局抓统筹，市农牧局、各旗县市区人民政府抓落地，市财政局抓保障，2025年10月15日前见效。\n 市生态环境局抓统筹，…
    expect(roles(tongliao, "3.2.3")).toEqual({
      市住房和城乡建设局: "lead",
      市农牧局: "responsible",
      各旗县市区人民政府: "responsible",
      市财政局: "support",
    });
    expect(isoDates(tongliao, "3.2.3")).toEqual(["2025-10-15"]);
    expect(roles(tongliao, "3.2")).toMatchObject({ 市生态环境局: "lead", 市市场监督管理局: "support" });
    expect(isoDates(tongliao, "3.2")).toEqual(["2025-09-30"]);
    // No point of 四(一) has its own: the line is the item's, dated 年内 (the time clause 年内见效).
    expect(roles(tongliao, "4.1")).toMatchObject({ 市交通运输局: "lead", 市自然资源局: "support" });
    expect(isoDates(tongliao, "4.1")).toEqual(["2025-12-31"]);
    expect(isoDates(tongliao, "4.1.2")).toEqual([]);
  });

  it("reads units a task numbers on a line of their own (责任单位：①A　②B) by number in its points' brackets (①牵头，③④负责，②配合)", () => {
    const xianning = planOf("xianning-air-pollution-2025");
    expect(roles(xianning, "2.1.1")).toEqual({
      市生态环境局: "lead",
      赤壁市人民政府: "responsible",
      嘉鱼县人民政府: "responsible",
      市经济和信息化局: "support",
    });
    expect(isoDates(xianning, "2.1.1")).toEqual(["2025-09-30"]);
    // The key line names units; it gives the item above the points no role.
    expect(roles(xianning, "2.1")).toEqual({});
  });

  it("reads tiers parted by the mark the notice names (责任排序：X＞Y＞Z), with its roles for fewer tiers, and 扛牵头之责 sentences", () => {
    const shuozhou = planOf("shuozhou-air-pollution-2025");
    expect(roles(shuozhou, "2.2.2")).toEqual({
      市生态环境局: "lead",
      市能源局: "responsible",
      市住房和城乡建设局: "support",
    });
    // 只分两档的，第二档为配合单位; 只有一档的，该档单位均为牵头单位.
    expect(roles(shuozhou, "2.2.1")).toEqual({
      市住房和城乡建设局: "lead",
      市市场监督管理局: "support",
      市生态环境局: "support",
    });
    expect(roles(shuozhou, "2.2.3")).toEqual({ 市工业和信息化局: "lead", 市发展和改革委员会: "lead" });
    // 扛牵头之责的单位为牵头单位: a word of up to six characters, unquoted, defined as a kind of unit.
    expect(roles(planOf("putian-air-quality-2025"), "2.1.2")).toEqual({
      市工业和信息化局: "lead",
      仙游县人民政府: "responsible",
      市生态环境局: "support",
    });
  });

  it("reads lists after a part's tasks giving each unit its tasks by number with a mark (市生态环境局：（一）●　（二）3◎) and a line dating them (完成时限：（二）…，其中（二）2为采暖季前)", () => {
    const huludao = planOf("huludao-air-quality-2025");
    // 分工标注 after 二: （二）◎ for 市工业和信息化局, （二）3 marked on its own.
    expect(roles(huludao, "2.2")).toEqual({
      市工业和信息化局: "lead",
      市生态环境局: "responsible",
      "各县(市、区)政府": "responsible",
    });
    expect(entry(huludao, "2.2.1").departments.map((d) => d.from)).toEqual(["2.2", "2.2", "2.2"]);
    expect(roles(huludao, "2.2.3")).toEqual({
      市生态环境局: "lead",
      市自然资源局: "responsible",
      "各县(市、区)政府": "responsible",
    });
    // 方案中所称“采暖季前”，指2025年10月25日前: a named time with a comma before 指.
    expect(isoDates(huludao, "2.2")).toEqual(["2025-10-31"]);
    expect(isoDates(huludao, "2.2.2")).toEqual(["2025-10-25"]);
    // The lists are no part of the last task's text, and give it no units of their own.
    expect(entry(huludao, "2.5").text).not.toContain("分工标注");
  });

  it("gives the item the line closing its points when the points' own lines say they are the point's (本点冲刺分工：…)", () => {
    const botou = planOf("botou-air-pollution-2025");
    expect(roles(botou, "2.1")).toMatchObject({ 市工信局: "lead", 市发改局: "support" });
    expect(roles(botou, "2.1.2")).toMatchObject({ 市生态环境分局: "lead", 市工信局: "support" });
    // (The point the line closes is covered by its item: it names no units of its own.)
    expect(entry(botou, "2.1.3").departments).toEqual([]);
    // 本点撞线：2025年6月30日前 stays the point's; the item's line dates the item.
    expect(isoDates(botou, "2.2.2")).toEqual(["2025-06-30"]);
    expect(isoDates(botou, "2.2")).toEqual(["2025-09-30"]);
  });

  it("keeps the item's roles a point's own sentence leaves out (该句未提及的仍按所在任务执行) and dates by the notice's named times (写作“年内”的，指…)", () => {
    const xingyi = planOf("xingyi-air-pollution-2025");
    // 本点由市交通运输局承榜，上半年交榜。 — its responsible unit and date; the lead and supports stay the item's.
    expect(roles(xingyi, "2.4.1")).toEqual({
      州生态环境局兴义分局: "lead",
      市交通运输局: "responsible",
      市工业和信息化局: "support",
      市市场监管局: "support",
    });
    expect(isoDates(xingyi, "2.4.1")).toEqual(["2025-06-30"]);
    // 本项由…，年内交榜。 after the points dates the item, not its last point.
    expect(isoDates(xingyi, "2.4")).toEqual(["2025-12-31"]);
    expect(isoDates(xingyi, "2.4.3")).toEqual([]);
  });
});

describe("the thirty-first round's conventions", () => {
  it("reads roles after a dash on the task's heading (——X领跑，Y并跑) as the task's, and a bare 冲线：… after its points as its date where points write 本点冲线", () => {
    const chuzhou = planOf("chuzhou-air-quality-2025");
    // A task with no points: the names after the dash, not its title.
    expect(roles(chuzhou, "2.1")).toEqual({
      市发展改革委: "lead",
      市经济和信息化局: "responsible",
      市生态环境局: "responsible",
      "各县(市、区)人民政府": "support",
    });
    expect(roles(chuzhou, "2.2")).toMatchObject({ 市经济和信息化局: "lead" });
    // Its points take them from it; 冲线：2025年12月底前 after the last point dates the task, not that point.
    expect(entry(chuzhou, "3.2.1").departments.every((d) => d.from === "3.2")).toBe(true);
    expect(isoDates(chuzhou, "3.2")).toEqual(["2025-12-31"]);
    expect(isoDates(chuzhou, "3.2.3")).toEqual([]);
    // （本点分工：…；本点冲线：…） — a point's own labelled time beside its own roles.
    expect(roles(chuzhou, "6.3.2")).toEqual({
      市生态环境局: "lead",
      "各县(市、区)人民政府": "responsible",
      市气象局: "support",
    });
    expect(isoDates(chuzhou, "6.3.2")).toEqual(["2025-11-15"]);
  });

  it("gives the task a labelled line after its points (【航标】领航：…, 【签办】主签：…) where points write 本点领航 / 本点签办, keeping what a point leaves out", () => {
    const feicheng = planOf("feicheng-air-pollution-2025");
    expect(roles(feicheng, "2.3")).toEqual({
      市工业和信息化局: "lead",
      石横镇人民政府: "responsible",
      泰安市生态环境局肥城分局: "support",
      市发展和改革局: "support",
    });
    expect(isoDates(feicheng, "2.3")).toEqual(["2025-09-30"]);
    // （本点领航：X；本点护航：Y）: the point's lead and supports, the task's 划桨 kept (未标注的事项仍按所在任务执行).
    expect(roles(feicheng, "2.3.3")).toEqual({
      泰安市生态环境局肥城分局: "lead",
      市工业和信息化局: "support",
      石横镇人民政府: "responsible",
    });
    expect(roles(feicheng, "2.4.2")).toMatchObject({
      汶阳镇人民政府: "responsible",
      市工业和信息化局: "lead",
    });
    const pingliang = planOf("pingliang-air-quality-2025");
    expect(roles(pingliang, "2.3")).toEqual({
      市生态环境局: "lead",
      "各县(市、区)人民政府": "responsible",
      市工业和信息化局: "support",
      市发展改革委: "support",
    });
    // 限办：6月 — 限办只写到月份的，指2025年该月最后一日前; 限办 itself is no unit.
    expect(isoDates(pingliang, "2.2.1")).toEqual(["2025-06-30"]);
    expect(isoDates(pingliang, "2.2")).toEqual(["2025-10-31"]);
    expect(pingliang.items.flatMap((i) => i.departments.map((d) => d.name))).not.toContain("限办");
  });

  it("reads a time word written after the time (10月冲线, “冲线”前为完成时限) and year-less named times (写“上半年”的，指6月30日前)", () => {
    const linying = planOf("linying-air-pollution-2025");
    expect(roles(linying, "2.4")).toEqual({ 市生态环境局临颍分局: "lead", 县工信局: "support" });
    expect(isoDates(linying, "2.4")).toEqual(["2025-10-31"]);
    expect(isoDates(linying, "2.2.1")).toEqual(["2025-06-30"]);
    expect(isoDates(linying, "7.1")).toEqual(["2025-10-15"]);
    expect(isoDates(linying, "8.2")).toEqual(["2025-06-30"]);
  });

  it("reads one-character field words the notice defines (条/块/援, “效”后为完成时限), a point keeping the fields it leaves out", () => {
    const xinzhou = planOf("xinzhou-air-quality-2025");
    expect(roles(xinzhou, "2.2")).toEqual({
      市工信局: "lead",
      "各县(市、区)人民政府": "responsible",
      市发展改革委: "support",
      市生态环境局: "support",
    });
    // （援：…） alone: the task's 条 and 块 stay.
    expect(roles(xinzhou, "2.2.3")).toEqual({
      市市场监管局: "support",
      市应急局: "support",
      市工信局: "lead",
      "各县(市、区)人民政府": "responsible",
    });
    expect(isoDates(xinzhou, "2.2.2")).toEqual(["2025-06-30"]);
  });

  it("reads kinds of task the notice tags (【属地类】), days counted back from a named time (供热前15日) and a monthly series of meetings (第N次调度报结)", () => {
    const dunhua = planOf("dunhua-air-pollution-2025");
    // 属地类: the townships and sub-districts carry it out, every other unit listed leads.
    expect(roles(dunhua, "2.1")).toEqual({
      市农业农村局: "lead",
      州生态环境局敦化市分局: "lead",
      各乡镇人民政府: "responsible",
      各街道办事处: "responsible",
    });
    expect(roles(dunhua, "2.2")).toMatchObject({ 市农业农村局: "lead", 市财政局: "support" });
    // “供热前N日”，指自2025年10月1日往前推算N日: 供热前30日 is 2025-09-01, 供热前15日 2025-09-16; 供热前 is 9月30日.
    expect(isoDates(dunhua, "2.1")).toEqual(["2025-09-01"]);
    expect(isoDates(dunhua, "3.1.2")).toEqual(["2025-09-16"]);
    expect(isoDates(dunhua, "3.2")).toEqual(["2025-09-30"]);
    // 3月28日为第1次调度，4月28日为第2次调度，依次类推: 第4次调度报结 is 2025-06-28.
    const hepu = planOf("hepu-air-pollution-2025");
    expect(isoDates(hepu, "2.5")).toEqual(["2025-06-28"]);
    expect(isoDates(hepu, "1.1")).toEqual(["2025-12-28"]);
  });

  it("reads tags the notice defines in lenticular brackets (【首问】所列单位为牵头单位), month-day codes (【收口】0930) and days counted back from a base date (倒排92天)", () => {
    const shangluo = planOf("shangluo-air-quality-2025");
    expect(roles(shangluo, "2.1")).toEqual({
      市发改委: "lead",
      市工信局: "support",
      市生态环境局: "support",
      市自然资源局: "support",
      "各县(区)人民政府": "responsible",
    });
    // 【收口】后的四位数字为完成时间的月、日，年份均为2025年.
    expect(isoDates(shangluo, "2.2")).toEqual(["2025-11-30"]);
    expect(isoDates(shangluo, "2.2.2")).toEqual(["2025-07-31"]);
    const longxi = planOf("longxi-air-pollution-2025");
    // “倒排N天”…以2025年12月31日为基准日向前倒排N天: 倒排245天 is 2025-04-30.
    expect(isoDates(longxi, "2.2.1")).toEqual(["2025-04-30"]);
    // A last point with its own tags on its line, then a line of tags: that line is the item's (a point has one).
    expect(roles(shangluo, "3.4.3")).toEqual({ 市市场监管局: "lead", 市商务局: "support" });
    expect(isoDates(shangluo, "3.4.3")).toEqual(["2026-03-15"]);
    expect(roles(shangluo, "3.4")).toMatchObject({ 市发改委: "lead", "各县(区)人民政府": "responsible" });
    expect(isoDates(shangluo, "3.4")).toEqual(["2025-10-31"]);
    // 各乡镇 before a 管委会 is every township, not a township's 管委会.
    expect(roles(longxi, "2.1")).toMatchObject({
      各乡镇: "responsible",
      陇西经济开发区管委会: "responsible",
    });
  });

  it("reads week numbers by the calendar the notice defines (第1周为…至…, due on the day of the week it names), capital letters after units it defines as roles (Q为牵头单位) and a field whose units answer for the task (【挂牌】栏所列单位…负责)", () => {
    // 第1周为1月1日（星期三）至1月5日（星期日）…“第N周”即须在该周星期日前完成: 第48周 is Sunday 2025-11-30.
    const xiangyin = planOf("xiangyin-air-pollution-2025");
    expect(isoDates(xiangyin, "2.1")).toEqual(["2025-11-30"]);
    expect(isoDates(xiangyin, "2.1.1")).toEqual(["2025-08-31"]);
    expect(roles(xiangyin, "2.1")).toMatchObject({
      县生态环境分局: "lead",
      县工业和信息化局: "responsible",
      县发展和改革局: "support",
    });
    // 第1周为2024年12月30日至2025年1月5日…须于该周星期五前完成: 第48周 is Friday 2025-11-28.
    const tongchuan = planOf("tongchuan-air-pollution-2025");
    expect(isoDates(tongchuan, "2.2")).toEqual(["2025-11-28"]);
    // 责任单位名称后所附字母表示其职责…Q为牵头单位…Z为责任单位…P为配合单位.
    expect(roles(tongchuan, "2.1")).toEqual({
      市发展改革委: "lead",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      市自然资源局: "support",
      各区县政府: "responsible",
      新区管委会: "responsible",
    });
    // 【挂牌】栏所列单位对该项任务挂牌负责，…排在第一位的为牵头单位，其余为责任单位；【跟办】栏所列单位为配合单位.
    const luohe = planOf("luohe-air-pollution-2025");
    expect(roles(luohe, "3.1")).toEqual({
      市发展改革委: "lead",
      市工业和信息化局: "responsible",
      市生态环境局: "support",
      市自然资源和规划局: "support",
    });
    expect(roles(luohe, "3.2.2")).toEqual({
      市生态环境局: "lead",
      郾城区人民政府: "responsible",
      召陵区人民政府: "responsible",
      市市场监管局: "support",
    });
  });

  it("reads a word after a month the notice defines as its end (“X月收官”指2025年X月底前完成), a time limit given as another task's (与本方案三（二）同步完成) and a last point's own date beside its item's closing sentence", () => {
    const xiaogan = planOf("xiaogan-air-quality-2025");
    expect(isoDates(xiaogan, "2.2.3")).toEqual(["2025-08-31"]);
    expect(isoDates(xiaogan, "2.4.2")).toEqual(["2026-06-30"]);
    expect(roles(xiaogan, "2.2.3")).toEqual({
      市生态环境局: "lead",
      市市场监管局: "support",
      孝南区人民政府: "responsible",
      云梦县人民政府: "responsible",
    });
    const guangde = planOf("guangde-air-pollution-2025");
    // 本项由市经信局打头阵，市生态环境分局作后盾，与本方案三（二）同步完成: 3.2's date, and the sentence's roles.
    expect(isoDates(guangde, "3.3")).toEqual(isoDates(guangde, "3.2"));
    expect(isoDates(guangde, "3.3")).toEqual(["2025-10-31"]);
    expect(roles(guangde, "3.3")).toEqual({ 市经信局: "lead", 市生态环境分局: "support" });
    // 3.…（2025年9月底前） then 本项由…于2025年10月底前完成: the point keeps its own date, the item takes the sentence's.
    expect(isoDates(guangde, "6.2.3")).toEqual(["2025-09-30"]);
    expect(isoDates(guangde, "6.2")).toEqual(["2025-10-31"]);
    // （与本方案六（二）3同步完成）: a point's time limit given as another point's.
    expect(isoDates(guangde, "6.6.3")).toEqual(["2025-09-30"]);
    // 县级：昌吉市、阜康市、呼图壁县人民政府 — each place's government, never a unit named 委.
    expect(roles(planOf("changji-air-quality-2024"), "3.2.1")).toMatchObject({
      昌吉市人民政府: "responsible",
      阜康市人民政府: "responsible",
    });
  });

  it("reads marks before names with the unmarked given a role (☆ leads, ○ supports, 未加标注的为责任单位), days counted from a day a letter names (D-45, D+60), a verb of the genre the notice makes another kind of unit (“主办”为责任单位) and a defined time in another year (2026年春播前)", () => {
    const xiqing = planOf("xiqing-air-quality-2025");
    // （区生态环境局、☆各镇街、○区工业和信息化局、○区市场监管局、○规划资源西青分局；D-45）, D = 2025-08-31.
    expect(roles(xiqing, "2.3")).toEqual({
      各镇街: "lead",
      区生态环境局: "responsible",
      区工业和信息化局: "support",
      区市场监管局: "support",
      规划资源西青分局: "support",
    });
    expect(isoDates(xiqing, "2.3")).toEqual(["2025-07-17"]);
    expect(isoDates(xiqing, "3.3.2")).toEqual(["2025-10-30"]);
    const lishu = planOf("lishu-air-quality-2025");
    // （首席：县商务局；主办：县生态环境分局；协作：县市场监督管理局；…）
    expect(roles(lishu, "3.4.2")).toEqual({
      县商务局: "lead",
      县生态环境分局: "responsible",
      县市场监督管理局: "support",
    });
    // “春播前”指2025年4月30日前…注明“2026年”的，指2026年的同一节点.
    expect(isoDates(lishu, "2.3")).toEqual(["2026-04-30"]);
    // 分项末尾有单独括注的，该分项按其括注执行: a point's bracket naming only a lead is all it has.
    expect(roles(xiqing, "4.2.2")).toEqual({ 区生态环境局: "lead" });
    // 分点另有括注的，以分点括注为准 (临颍): the same.
    expect(roles(planOf("linying-air-pollution-2025"), "6.3.2")).toEqual({ 县交通运输局: "lead" });
  });

  it("reads named times dated in one list (“端午前”“国庆前”…分别指…), days counted back from any of them (“××前N日”), marks a notice numbers Ⅰ/Ⅱ/Ⅲ each covering the units after it across semicolons, and halves of a month (12月下半月)", () => {
    const wanzhou = planOf("wanzhou-air-pollution-2025");
    // （区生态环境局挂图作战；…跟进服务｜国庆前10日）: 2025-09-30 less ten days.
    expect(isoDates(wanzhou, "2.3")).toEqual(["2025-09-20"]);
    expect(roles(wanzhou, "2.3")).toEqual({
      区生态环境局: "lead",
      各镇乡街道: "responsible",
      区市场监管局: "support",
      区发展改革委: "support",
    });
    // A bracket on a line of its own after the points, in the notice's words and with its bar, is the task's.
    expect(roles(wanzhou, "2.2")).toMatchObject({ 区生态环境局: "lead", 区市场监管局: "support" });
    expect(isoDates(wanzhou, "2.2")).toEqual(["2025-12-31"]);
    // “春季攻势”“夏季攻势”“冬季攻势”的，分别指在2025年5月31日前、9月30日前、12月31日前完成.
    expect(isoDates(planOf("jingzhou-air-quality-2025"), "5.4")).toEqual(["2025-09-30"]);
    const jinzhong = planOf("jinzhong-air-quality-2025");
    // （Ⅰ市农业农村局；Ⅱ各县（区、市）人民政府；Ⅲ市生态环境局、市应急局）
    expect(roles(jinzhong, "5.4")).toEqual({
      市农业农村局: "lead",
      "各县(区、市)人民政府": "responsible",
      市生态环境局: "support",
      市应急局: "support",
    });
    // “第四次全会前”…分别指2025年4月15日前、7月10日前、10月15日前、12月25日前.
    expect(isoDates(jinzhong, "2.2")).toEqual(["2025-12-25"]);
    expect(roles(jinzhong, "2.2")).toMatchObject({
      市工信局: "lead",
      介休市人民政府: "responsible",
      市应急局: "support",
    });
    // 收割：9月上半月 / 收割：12月下半月 — the 15th, or the month's end.
    const changshu = planOf("changshu-air-quality-2025");
    expect(isoDates(changshu, "2.2")).toEqual(["2025-09-15"]);
    expect(isoDates(changshu, "2.1")).toEqual(["2025-12-31"]);
  });

  it("reads one-character role words the notice marks by position (“定”字前的单位为牵头单位), numbered rounds of a year as their last days (第二轮验收), a bracket on a line of its own after the points dating the task, and a month's end under a label (终场：9月底)", () => {
    const fugu = planOf("fugu-air-pollution-2025");
    // （县工信局定，各有关镇人民政府、府谷高新区管委会干，市生态环境局府谷分局、县能源局帮；第三轮验收）, on its own line.
    expect(roles(fugu, "2.1")).toEqual({
      县工信局: "lead",
      各有关镇人民政府: "responsible",
      府谷高新区管委会: "responsible",
      市生态环境局府谷分局: "support",
      县能源局: "support",
    });
    expect(isoDates(fugu, "2.1")).toEqual(["2025-09-20"]);
    // A point's own （第一轮验收）: 第一轮4月1日至4月20日.
    expect(isoDates(fugu, "2.1.1")).toEqual(["2025-04-20"]);
    expect(isoDates(fugu, "2.1.4")).toEqual([]);
    const jinchang = planOf("jinchang-air-quality-2025");
    expect(isoDates(jinchang, "2.2.1")).toEqual(["2025-09-30"]);
    // 写在"资金保障""要素保障"…等注明支持事项的词语之前的单位，均为配合单位 (汕尾).
    expect(roles(planOf("shanwei-air-quality-2025"), "2.1")).toMatchObject({
      市发展改革局: "lead",
      市工业和信息化局: "responsible",
      市自然资源局: "support",
    });
  });
  it("reads modes that say how a list's units stand (B类：first leads, the rest support), role words defined after a colon or by 负总责, units a point adds to its item's (另由X护攀, 本条践诺增加：X), a task's line after points its points label as their own (包保责任 beside 本点包保), a label's year-less day (收声：11月30日) and a named span's end (秋禁期末)", () => {
    const benxi = planOf("benxi-air-quality-2025");
    // 〔B类：市发展改革委、市工业和信息化局、…〕 — B类为领办，所列第一个单位牵头，其余单位配合.
    expect(roles(benxi, "3.1")).toMatchObject({ 市发展改革委: "lead", 市工业和信息化局: "support" });
    // 〔D类：市生态环境局、本钢集团有限公司；…〕 — the others carry it out.
    expect(roles(benxi, "3.2")).toEqual({ 市生态环境局: "lead", 本钢集团有限公司: "responsible" });
    const taian = planOf("taian-air-quality-2025");
    // 本项由市工业和信息化局领攀，…，南天门节点登顶。 after the points; （另由市生态环境局护攀） on point 2.
    expect(roles(taian, "2.2")).toEqual({
      市工业和信息化局: "lead",
      "各县(市、区)人民政府": "responsible",
      市发展改革委: "support",
      市自然资源和规划局: "support",
    });
    expect(isoDates(taian, "2.2")).toEqual(["2025-09-30"]);
    expect(roles(taian, "2.2.2")).toMatchObject({ 市工业和信息化局: "lead", 市生态环境局: "support" });
    const baoying = planOf("baoying-air-quality-2025");
    // （本条践诺增加：县住房和城乡建设局；本条兑现：8月底前）
    expect(roles(baoying, "2.2.3")).toMatchObject({
      县工业和信息化局: "lead",
      县住房和城乡建设局: "responsible",
    });
    expect(isoDates(baoying, "2.2.3")).toEqual(["2025-08-31"]);
    const yushu = planOf("yushu-air-pollution-2025");
    // 包保责任：市农业农村局包保；…。时限：秋禁期末。 after point 3, which has its own （本点包保：…）.
    expect(roles(yushu, "3.1")).toMatchObject({ 市农业农村局: "lead", "各乡镇(街道)": "responsible" });
    expect(isoDates(yushu, "3.1")).toEqual(["2025-11-30"]);
    expect(roles(yushu, "3.1.3")).toMatchObject({ 市政府督查室: "lead" });
    const ziyang = planOf("ziyang-air-quality-2025");
    expect(isoDates(ziyang, "2.2")).toEqual(["2025-11-30"]);
  });
  it("reads units grouped by a mark in the notice's order (牵头单位‖责任单位‖配合单位, 只分两组的…后一组为配合单位), a start month and the months of the work (2025年1月起，10个月), bare lines of names after a task by position, a tag over labelled fields, and numbered times unquoted (第二疗程为…)", () => {
    const sanmenxia = planOf("sanmenxia-air-quality-2025");
    // （市生态环境局‖市工业和信息化局‖市发展改革委、各县（市、区）政府；2025年1月起，10个月）
    expect(roles(sanmenxia, "2.2")).toEqual({
      市生态环境局: "lead",
      市工业和信息化局: "responsible",
      市发展改革委: "support",
      "各县(市、区)政府": "support",
    });
    expect(isoDates(sanmenxia, "2.2")).toEqual(["2025-10-31"]);
    // （市发展改革委‖市生态环境局；常态化） — two groups: lead, then support.
    expect(roles(sanmenxia, "2.2.3")).toEqual({ 市发展改革委: "lead", 市生态环境局: "support" });
    const zhongning = planOf("zhongning-air-pollution-2025");
    // After the points: 市生态环境局中宁分局 / 县工业和信息化局　中宁工业园区管委会　石空镇人民政府 / 2025年10月.
    expect(roles(zhongning, "2.2")).toEqual({
      市生态环境局中宁分局: "lead",
      县工业和信息化局: "support",
      中宁工业园区管委会: "support",
      石空镇人民政府: "support",
    });
    expect(isoDates(zhongning, "2.2")).toEqual(["2025-10-31"]);
    const anyue = planOf("anyue-air-quality-2025");
    // 【诊治分工】主诊：…；会诊：…；协诊：…；疗程：第二疗程
    expect(roles(anyue, "2.2")).toEqual({
      资阳市安岳生态环境局: "lead",
      各镇人民政府: "responsible",
      县经济和信息化局: "support",
      县市场监管局: "support",
      国网安岳县供电公司: "support",
    });
    expect(isoDates(anyue, "2.2")).toEqual(["2025-08-31"]);
  });
  it("reads numbers after names the notice makes roles (系数为1.0的为牵头单位), working days counted from a dated event on the official calendar (推进会后120个工作日), the first word of a sentence giving its bracket's units their role (以“组织”起句的…), and labelled lines after points that wrote theirs inline as the task's", () => {
    const kaili = planOf("kaili-air-pollution-2025");
    // （系数：州生态环境局凯里分局1.0，…0.6，…0.2；时限：推进会后120个工作日） — 4月15日's next day counted first, 五一 off.
    expect(roles(kaili, "2.3")).toMatchObject({
      州生态环境局凯里分局: "lead",
      市工业和信息化局: "responsible",
      市市场监管局: "support",
    });
    expect(isoDates(kaili, "2.3")).toEqual(["2025-10-10"]);
    // （本点时限：交办后20个工作日） — from 4月24日.
    expect(isoDates(kaili, "2.2.1")).toEqual(["2025-05-26"]);
    // The item's （系数：…） on its own line after the last point's （本点系数：…）.
    expect(roles(kaili, "2.2")).toMatchObject({ 州生态环境局凯里分局: "lead", 市应急管理局: "support" });
    const zaoyang = planOf("zaoyang-air-pollution-2025");
    // 组织…（市发改局）。配合…（襄阳市生态环境局枣阳分局、市自然资源和规划局）。
    expect(roles(zaoyang, "2.1")).toEqual({
      市发改局: "lead",
      襄阳市生态环境局枣阳分局: "support",
      市自然资源和规划局: "support",
    });
    const zhumadian = planOf("zhumadian-air-quality-2025");
    // 责任：…牵头…；时序：2025年12月底前。 on lines of their own after points writing …。时序：… inline.
    expect(roles(zhumadian, "2.2")).toMatchObject({ 市工业和信息化局: "lead", 各县区: "responsible" });
    expect(isoDates(zhumadian, "2.2")).toEqual(["2025-12-31"]);
    expect(roles(zhumadian, "3.2.3")).toMatchObject({ 市市场监管局: "lead", 市生态环境局: "support" });
  });
  it("reads a point numbered before a quantity of 万 (1.30万千瓦及以上…) as a point, a point's own bracket as all it has where the notice says 以其标注为准, a task's heading line its points follow (适用于该任务各要点), and keeps a plan's time-label words", () => {
    const taian = planOf("taian-air-quality-2025");
    expect(taian.items.filter((i) => i.parent === "3.2").map((i) => i.id)).toEqual([
      "3.2.1",
      "3.2.2",
      "3.2.3",
    ]);
    const benxi = planOf("benxi-air-quality-2025");
    // 〔A类：市生态环境局；本供暖期结束前〕 under a 〔B类：市住房城乡建设局、…〕 task.
    expect(roles(benxi, "4.3.3")).toEqual({ 市生态环境局: "lead" });
    expect(isoDates(benxi, "4.3.3")).toEqual(["2026-03-31"]);
    const meizhou = planOf("meizhou-air-pollution-2025");
    // 哨令：… at the task's start; its points take the units from the task, not as their own.
    expect(meizhou.items.find((i) => i.id === "3.2.1")?.departments.every((d) => d.from === "3.2")).toBe(
      true,
    );
    expect(planOf("baoying-air-quality-2025").timeWords).toContain("兑现");
  });
  it("reads role words after 此项/本点 (此项X总盯，Y专盯), a time word before the time (盯至9月底), numbered rounds dated 自…至… (第三轮巡查), and a task's tag line after points that write 本点【…】 as their own", () => {
    const pingyao = planOf("pingyao-air-pollution-2025");
    expect(roles(pingyao, "2.2")).toEqual({
      市生态环境局平遥分局: "lead",
      县工信局: "responsible",
      洪善镇人民政府: "support",
      宁固镇人民政府: "support",
    });
    expect(isoDates(pingyao, "2.2")).toEqual(["2025-09-30"]);
    // …协盯，长盯。 — ongoing: no time limit.
    expect(roles(pingyao, "2.1")).toMatchObject({ 县发改局: "lead", 县行政审批局: "responsible" });
    const qingyang = planOf("qingyang-air-quality-2025");
    // 【督战】市工信局　【攻坚】…　【收口】第三轮巡查, after point 3; point 2 writes 本点【攻坚】….
    expect(roles(qingyang, "3.2")).toMatchObject({ 市工信局: "lead", "各县(区)人民政府": "responsible" });
    expect(isoDates(qingyang, "3.2")).toEqual(["2025-09-15"]);
    // 本点【督战】市气象局… then 【督战】市生态环境局… under the last point: the first line is the point's, the second the item's.
    expect(roles(qingyang, "8.1.2")).toMatchObject({ 市气象局: "lead", 市生态环境局: "responsible" });
    expect(roles(qingyang, "8.1")).toMatchObject({ 市生态环境局: "lead", 市气象局: "support" });
    // 此项X总盯，Y协盯，盯至7月底。 — a verb carried on to a time closes the sentence of roles.
    expect(roles(pingyao, "6.3")).toEqual({ 市生态环境局平遥分局: "lead", 县财政局: "support" });
  });
  it("parts a bracket's names by its time (以完成时限为界), gives names written in full and by short name their roles (以全称列出的为牵头单位), reads a point's field words written before their names (〔本点编组：车头X〕), and gives a 本项… bracket line after the points to the task", () => {
    const deqing = planOf("deqing-air-quality-2025");
    // 〔县经信局　2025年9月30日前　市生态环境局德清分局、洛舍镇、钟管镇、新市镇〕
    expect(roles(deqing, "2.1.2")).toEqual({
      县经信局: "lead",
      市生态环境局德清分局: "support",
      洛舍镇: "responsible",
      钟管镇: "responsible",
      新市镇: "responsible",
    });
    expect(isoDates(deqing, "2.1.2")).toEqual(["2025-09-30"]);
    const maanshan = planOf("maanshan-air-quality-2025");
    // （市经济和信息化局、发改、市场监管；6月底前）
    expect(roles(maanshan, "2.2.1")).toEqual({
      市经济和信息化局: "lead",
      市发展改革委: "support",
      市市场监管局: "support",
    });
    // …含山县；10月底前 — a county named bare is its government, carrying the task out.
    expect(roles(maanshan, "2.2.2")).toMatchObject({ 含山县人民政府: "responsible" });
    const fengxiang = planOf("fengxiang-air-pollution-2025");
    // 〔本点编组：车头区工信局；车厢柳林镇人民政府；路轨区市场监管局、区财政局；到站二站〕
    expect(roles(fengxiang, "1.3.2")).toEqual({
      区工信局: "lead",
      柳林镇人民政府: "responsible",
      区市场监管局: "support",
      区财政局: "support",
    });
    expect(isoDates(fengxiang, "1.3.2")).toEqual(["2025-06-30"]);
    const huadian = planOf("huadian-autumn-winter-2025");
    // 本项战位〔市农业农村局、市生态环境分局督战；…守土；…支援；封冻前攻克〕 after point 3.
    expect(roles(huadian, "2.1")).toMatchObject({ 市农业农村局: "lead", 市林业局: "support" });
    expect(isoDates(huadian, "2.1")).toEqual(["2025-11-30"]);
    expect(roles(huadian, "2.1.3")).not.toHaveProperty("市农业农村局");
  });
  it("reads a block of numbered field lines under a part's heading (本部分分工：（一）经办：X　协理：Y　结项：…) as the part's tasks' assignments, not tasks, and a point's 〔本点　经办：…〕 as its own", () => {
    const langfang = planOf("langfang-air-quality-2025");
    // The tasks are the part's （一）（二）… after the block, titled as the text titles them.
    expect(langfang.items.find((i) => i.id === "2.1")?.title).toBe("严格建设项目环境准入");
    expect(roles(langfang, "2.1")).toMatchObject({ 市发展改革委: "lead", 市生态环境局: "support" });
    expect(roles(langfang, "2.2")).toMatchObject({ 市工业和信息化局: "lead", 市发展改革委: "support" });
    expect(isoDates(langfang, "2.2")).toEqual(["2025-09-30"]);
    // 〔本点　经办：市市场监管局〕 — only the lead named; the rest stays its task's.
    expect(roles(langfang, "3.1.3")).toMatchObject({ 市市场监管局: "lead", 市发展改革委: "support" });
  });
  it("reads the number of marks after a name as its role where the notice counts them (标“★★★”的为牵头单位)", () => {
    const zezhou = planOf("zezhou-air-pollution-2025");
    // （县工信局★★★，各乡镇★★，县发改局★，市生态环境局泽州分局★｜2025年9月底前）
    expect(roles(zezhou, "2.2")).toEqual({
      县工信局: "lead",
      各乡镇: "responsible",
      县发改局: "support",
      市生态环境局泽州分局: "support",
    });
    expect(isoDates(zezhou, "2.2")).toEqual(["2025-09-30"]);
  });
  it("reads the notice's first-name rule with a bracket after its kind of unit (其他市直部门（单位）为配合单位) and the places it makes 属地责任单位", () => {
    const suizhou = planOf("suizhou-air-quality-2025");
    expect(roles(suizhou, "2.2")).toEqual({
      市生态环境局: "lead",
      市经信局: "support",
      市发改委: "support",
      "各县(市、区)人民政府": "responsible",
      随州高新区管委会: "responsible",
    });
  });
  it("reads one-character role words the notice defines by position with a description between (“盯”前的单位牵头抓总…，为牵头单位), and a point's bare 本点：… clause", () => {
    const sihong = planOf("sihong-air-pollution-2025");
    // ——县发改委盯，县行政审批局、市泗洪生态环境局帮。
    expect(roles(sihong, "2.1")).toEqual({
      县发改委: "lead",
      县行政审批局: "support",
      市泗洪生态环境局: "support",
    });
    // （本点：县住建局盯，县交通运输局帮）
    expect(roles(sihong, "2.2.3")).toEqual({ 县住建局: "lead", 县交通运输局: "support" });
  });
  it("reads superscript marks after names (名称右上角标注“¹”的为牵头单位…), a month written alone as the day the notice names, and 各县（市、区） no department's short name", () => {
    const pingdingshan = planOf("pingdingshan-air-pollution-2025");
    // 〔责任单位：市工业和信息化局¹、市发展改革委³、市生态环境局³、各县（市、区）人民政府²；时限：9月〕
    expect(roles(pingdingshan, "2.2")).toEqual({
      市工业和信息化局: "lead",
      "各县(市、区)人民政府": "responsible",
      市发展改革委: "support",
      市生态环境局: "support",
    });
    // “时限”只写月份的，均指2025年该月25日前完成
    expect(isoDates(pingdingshan, "2.2")).toEqual(["2025-09-25"]);
    expect(isoDates(pingdingshan, "2.2.2")).toEqual(["2025-08-25"]);
  });
  it("reads a lead's mark on the 责任单位 lines of the parts a later note covers (单位名称后带“√”的为牵头单位，各镇、街道为属地责任单位，其余单位为配合单位)", () => {
    const guangshui = planOf("guangshui-air-pollution-2025");
    // 责任单位：市城管执法局√、市交通运输局、市公路事业发展中心、各镇、街道
    expect(roles(guangshui, "6.2")).toEqual({
      市城管执法局: "lead",
      各镇: "responsible",
      各街道: "responsible",
      市交通运输局: "support",
      市公路事业发展中心: "support",
    });
    // 本点责任单位：市住建局√、市城管执法局
    expect(roles(guangshui, "6.3.2")).toEqual({ 市住建局: "lead", 市城管执法局: "support" });
    // Parts 二 to 五 keep their brackets' own words.
    expect(roles(guangshui, "4.2.2")).toEqual({ 市交通运输局: "lead", 随州市生态环境局广水分局: "support" });
  });
});

describe("the thirty-fifth round's conventions", () => {
  it("reads kinds of department the notice maps to units (部门类别与单位的对应关系为：工业主管部门为区经济信息委，…) and “属地” as the places a task concerns", () => {
    const nanchuan = planOf("nanchuan-air-pollution-2025");
    // （工业主管部门负责，生态环境部门协同，南川工业园区管委会落实；年底前）
    expect(roles(nanchuan, "2.3")).toEqual({
      区经济信息委: "lead",
      区生态环境局: "support",
      南川工业园区管委会: "responsible",
    });
    // （工业主管部门负责，发展改革部门、生态环境部门协同，属地落实；年底前）
    expect(roles(nanchuan, "2.2")).toEqual({
      区经济信息委: "lead",
      区发展改革委: "support",
      区生态环境局: "support",
      相关乡镇人民政府: "responsible",
      街道办事处: "responsible",
    });
  });
  it("gives the task a bracketed field line after its points where points write 〔本点布阵〕 / 〔本点克期〕, and reads 次年 dates as the year after the plan's", () => {
    const zhengding = planOf("zhengding-air-pollution-2025");
    // 〔布阵〕中军：县生态环境分局；先锋：各乡镇人民政府、正定经济开发区管委会；后援：县工信局、县发展改革局。 after 2.1's points
    expect(roles(zhengding, "2.1")).toEqual({
      县生态环境分局: "lead",
      各乡镇人民政府: "responsible",
      正定经济开发区管委会: "responsible",
      县工信局: "support",
      县发展改革局: "support",
    });
    expect(roles(zhengding, "2.1.2")).toEqual({});
    // 〔克期〕10月底前完成供暖季前排查，次年3月15日前完成全部供暖季执法检查。
    expect(isoDates(zhengding, "3.2")).toEqual(["2025-10-31", "2026-03-15"]);
  });
});

describe("the thirty-sixth round's conventions", () => {
  it("keeps a task's units for the fields a point's own bracket leaves out where the notice says 未注明的…按所在任务…执行, taken from the task", () => {
    // 〔本点总指挥：市交通运输局〕 under a task whose 测控 are 市发展和改革委员会、市公安局、文昌供电局.
    const wenchang = planOf("wenchang-air-pollution-2025");
    const point = wenchang.items.find((i) => i.id === "3.1.1");
    expect(point?.departments.map((d) => [d.name, d.role, d.from])).toEqual([
      ["市交通运输局", "lead", undefined],
      ["市发展和改革委员会", "support", "3.1"],
      ["市公安局", "support", "3.1"],
      ["文昌供电局", "support", "3.1"],
    ]);
    // （本点狮头：…） where 未注明的栏目仍按所在任务的【醒狮分工】执行: the task's other columns stay.
    const jiangmen = planOf("jiangmen-air-quality-2025");
    expect(roles(jiangmen, "7.2.2")).toEqual({
      市气象局: "lead",
      "各市(区)人民政府": "responsible",
      市工业和信息化局: "support",
    });
    // 其余未注明事项与所属任务一致 after a point's 分工 that replaces its task's: no more than the point's own.
    const chuzhou = planOf("chuzhou-air-quality-2025");
    expect(Object.keys(roles(chuzhou, "2.3.3"))).toEqual(["市生态环境局", "各县(市、区)人民政府"]);
  });

  it("reads a word the notice marks as a time limit after a comma (标注“区定”的，为区政府确定的完成时限) as the bracket's time, not a unit", () => {
    // （区经信局牵头，区生态环境分局、区自然资源和规划分局、区供电公司配合；市考：2025年9月底）
    const yongqiao = planOf("suzhou-yongqiao-air-quality-2025");
    expect(roles(yongqiao, "2.2")).toEqual({
      区经信局: "lead",
      区生态环境分局: "support",
      区自然资源和规划分局: "support",
      区供电公司: "support",
    });
    // （区生态环境分局负责；区定：2025年7月31日）: the unit, without the bracket's opening.
    expect(roles(yongqiao, "3.2")).toEqual({ 区生态环境分局: "responsible" });
  });

  it("reads circled letters after names the notice defines (标注“Ⓐ”的为牵头单位), a month-day code after its circled letter (Ⓓ0630), and gives a point with no bracket its task's closing one where the notice says so", () => {
    const fuzhou = planOf("fuzhou-jiangxi-air-quality-2025");
    // （市生态环境局Ⓐ、市市场监管局Ⓑ、市公安局Ⓒ、市应急管理局；Ⓓ常态）: an unmarked name supports.
    expect(roles(fuzhou, "2.2.3")).toEqual({
      市生态环境局: "lead",
      市市场监管局: "responsible",
      市公安局: "support",
      市应急管理局: "support",
    });
    // 分点末尾没有括号的，适用所属任务末尾括号的标注: 2.2's bracket, on a line after its points.
    const point = fuzhou.items.find((i) => i.id === "2.2.2");
    expect(point?.departments.map((d) => [d.name, d.role, d.from])).toEqual([
      ["市工业和信息化局", "lead", "2.2"],
      ["市发展改革委", "responsible", "2.2"],
      ["市生态环境局", "responsible", "2.2"],
      ["市市场监管局", "support", "2.2"],
    ]);
    expect(isoDates(fuzhou, "2.4")).toEqual(["2025-12-15"]);
  });

  it("gives tasks the units and times of an attachment's blocks headed by their codes (作业面二（二）1　title / 主采：… / 贯通：…), in the words the notice defines", () => {
    const lvliang = planOf("lvliang-air-quality-2025");
    expect(roles(lvliang, "2.2.1")).toEqual({
      市工业和信息化局: "lead",
      市能源局: "lead",
      孝义市人民政府: "responsible",
      交城县人民政府: "responsible",
      市生态环境局: "support",
      国网吕梁供电公司: "support",
      市市场监管局: "support",
    });
    expect(isoDates(lvliang, "2.2.1")).toContain("2025-09-30");
    // 分解表未单列的点执行所在条目的分工: a point with no block of its own has its item's.
    expect(lvliang.items.find((i) => i.id === "2.2.3")?.departments.every((d) => d.from === "2.2")).toBe(
      true,
    );
    // （五）强化部门协同。: a heading's verb opens no department's name.
    expect(Object.keys(roles(lvliang, "8.5"))).not.toContain("强化部门");
  });

  it("reads several leads the notice says lead none (“挑担”列有两个及以上单位的，…不分主次，均不作为牵头单位) as responsible, and gives points with no line of their own the task's closing one where it says 未另行标注的，执行所在任务的…", () => {
    const yingtan = planOf("yingtan-air-quality-2025");
    expect(roles(yingtan, "2.1")).toEqual({
      市发展改革委: "responsible",
      市工业和信息化局: "responsible",
      市生态环境局: "responsible",
      市行政审批局: "support",
      市自然资源局: "support",
    });
    // 2.2.1 has its 【本点担子】; 2.2.2 takes 2.2's 【担子】, the line after the task's last point.
    expect(roles(yingtan, "2.2.1")).toEqual({ 市生态环境局: "lead", 市工业和信息化局: "support" });
    const point = yingtan.items.find((i) => i.id === "2.2.2");
    expect(point?.departments.map((d) => [d.name, d.role, d.from])).toEqual([
      ["市生态环境局", "lead", "2.2"],
      ["市工业和信息化局", "support", "2.2"],
      ["市应急管理局", "support", "2.2"],
    ]);
  });

  it("reads brackets whose last unit leads by the notice's rule (配合单位在前、牵头单位在后；只列一个单位的，由该单位牵头负责)", () => {
    const qinhuangdao = planOf("qinhuangdao-air-quality-2025");
    expect(roles(qinhuangdao, "5.5")).toEqual({
      市公安局: "lead",
      市应急管理局: "support",
      市市场监督管理局: "support",
    });
    expect(roles(qinhuangdao, "2.2.1")).toEqual({ 市生态环境局: "lead", 市工业和信息化局: "support" });
    const alone = qinhuangdao.items.find((i) => i.departments.length === 1 && /〔[^、〕；]+；/.test(i.text));
    expect(alone?.departments[0]?.role).toBe("lead");
  });
  it("reads a word the notice marks for units sharing a task (标注“共抓”的各单位…共同负责) and places among supports the notice makes responsible", () => {
    const hengyang = planOf("hengyang-air-quality-2025");
    // 〔共抓：X、Y、Z；属地：各县市区；时限：年内〕 — the shared word opening the bracket, and 各县市区 a unit of its own.
    expect(roles(hengyang, "2.2.3")).toEqual({
      市工业和信息化局: "responsible",
      市发展改革委: "responsible",
      市财政局: "responsible",
      各县市区: "responsible",
    });
    expect(roles(hengyang, "4.2.2")).toMatchObject({ 市公安局交通警察支队: "responsible" });
    // 各县（市、区）人民政府、…管委会列入配合单位的，负责本辖区具体落实.
    const ningde = planOf("ningde-air-quality-2025");
    expect(roles(ningde, "2.4")).toEqual({
      市生态环境局: "lead",
      市工信局: "support",
      蕉城区人民政府: "responsible",
      东侨经济技术开发区管委会: "responsible",
    });
    expect(roles(ningde, "2.3")).toMatchObject({ 市交通运输局: "support", 福安市人民政府: "responsible" });
  });
  it("places a city in the province the data lists it under, not one its number's first character abbreviates", () => {
    // 新乡's numbers start with 新 (新疆's abbreviation); 辽源 is Jilin's, whatever 辽 suggests; 西宁's 宁 is not 宁夏.
    expect(planOf("xinxiang-air-quality-2025").profile.province?.zh).toBe("河南省");
    expect(planOf("liaoyuan-air-quality-2025").profile.province?.zh).toBe("吉林省");
    expect(planOf("xining-air-quality-2025").profile.province?.zh).toBe("青海省");
    // …and takes its heating season: 辽源's 采暖季前 is Jilin's date.
    expect(planOf("liaoyuan-air-quality-2025").profile.heatingSeason).toEqual({ month: 10, day: 25 });
  });
});

describe("the forty-eighth round's conventions", () => {
  it("reads a chain whose rings end in the notice's own words, in the order it gives them (按“自验→复核→终验”的顺序), a ring left out taking no other's role", () => {
    const jining = planOf("jining-air-quality-2025");
    // 验收链：各县（市、区）人民政府自验→市住房城乡建设局、市能源局、市财政局复核→市发展改革委终验〔供暖季前〕, after the
    // task's points: the task's, not its last point's.
    expect(roles(jining, "3.3")).toEqual({
      "各县(市、区)人民政府": "responsible",
      市住房城乡建设局: "support",
      市能源局: "support",
      市财政局: "support",
      市发展改革委: "lead",
    });
    // …。本点验收链：各县（市、区）人民政府自验→市市场监管局终验〔年底前〕: two rings, the second the lead by its word.
    expect(roles(jining, "3.3.3")).toEqual({ "各县(市、区)人民政府": "responsible", 市市场监管局: "lead" });
  });

  it("reads a one-character role word after a township's bracketed name (各乡镇（街道）干)", () => {
    // ——市泗洪生态环境局盯，各乡镇（街道）干，县工信局、县市场监管局、国网泗洪县供电公司帮，6月底前结。
    const sihong = planOf("sihong-air-pollution-2025");
    expect(roles(sihong, "2.3")).toEqual({
      市泗洪生态环境局: "lead",
      "各乡镇(街道)": "responsible",
      县工信局: "support",
      县市场监管局: "support",
      国网泗洪县供电公司: "support",
    });
    // ——县委督查室、县政府督查室盯，…帮: an office (室) before its word.
    expect(roles(sihong, "8.3")).toEqual({
      县委督查室: "lead",
      县政府督查室: "lead",
      县大气污染防治工作领导小组办公室: "support",
    });
  });

  it("dates a year-less month by the year the notice gives its months (写明1月至3月的，指2026年)", () => {
    const sihong = planOf("sihong-air-pollution-2025");
    const dates = (id: string) => sihong.items.find((i) => i.id === id)?.deadlines.map((d) => d.date);
    // 6月底前结 → 2025; 3月底前结 and 1月底前结 → 2026 (the autumn-winter campaign across the year's end).
    expect(dates("2.3")).toEqual(["2025-06-30"]);
    expect(dates("6.3")).toEqual(["2026-03-31"]);
    expect(dates("8.3")).toEqual(["2026-01-31"]);
  });
});

describe("the forty-ninth round's conventions", () => {
  const dates = (plan: ReturnType<typeof planOf>, id: string) =>
    plan.items.find((i) => i.id === id)?.deadlines.map((d) => d.date);

  it("dates a point by its own time word after 本点 alone (本点盯至6月底), with no units of its own", () => {
    const pingyao = planOf("pingyao-air-pollution-2025");
    // 此项…长盯 (no time for the task); point 2 …。本点盯至6月底。
    expect(dates(pingyao, "4.2")).toEqual([]);
    expect(dates(pingyao, "4.2.2")).toEqual(["2025-06-30"]);
    // …本点县交通运输局专盯，…盯至11月底 still reads as before.
    expect(dates(pingyao, "4.2.3")).toEqual(["2025-11-30"]);
  });

  it("reads a time field the notice lists its tasks by (列明经办单位、协理单位、承接单位和结项时限) as the label of a day (结项：2025年10月31日)", () => {
    const langfang = planOf("langfang-air-quality-2025");
    // 〔本点　经办：…　协理：…　结项：2025年10月31日〕
    expect(dates(langfang, "3.1.2")).toEqual(["2025-10-31"]);
    // （三）经办：…　结项：2025年9月30日 in a part's 本部分分工
    expect(dates(langfang, "6.3")).toEqual(["2025-09-30"]);
  });

  it("reads a time the notice names by what it is before its date (“开栓前”指…采暖期开栓供热前，即2025年10月15日前)", () => {
    expect(dates(planOf("qiqihaer-air-quality-2025"), "3.2.3")).toEqual(["2025-10-15"]);
    // “冬站”指我县2025—2026年供热期开始前，即2025年10月20日前
    expect(dates(planOf("huinan-air-quality-2025"), "3.3")).toEqual(["2025-10-20"]);
  });

  it("reads a trade's enterprises among a bracket's units (各燃煤电厂干) and a day alone in its last field as the time limit (；2025年9月30日）)", () => {
    const fugu = planOf("fugu-air-pollution-2025");
    expect(roles(fugu, "2.4")).toEqual({
      县发改局: "lead",
      各燃煤电厂: "responsible",
      市生态环境局府谷分局: "support",
    });
    expect(dates(fugu, "2.4")).toEqual(["2025-09-30"]);
    // The bracket on the line after the last point is the task's (第三轮验收: 9月20日), not the last point's.
    expect(roles(fugu, "5.1")).toEqual({
      县能源局: "lead",
      各煤矿企业: "responsible",
      县自然资源局: "support",
      市生态环境局府谷分局: "support",
    });
    expect(dates(fugu, "5.1")).toEqual(["2025-09-20"]);
    expect(dates(fugu, "5.1.3")).toEqual([]);
  });

  it("dates each month of a label's stages with a note after each (完成时限：2025年6月（完成排查建立清单）、2025年9月（…）)", () => {
    expect(dates(planOf("jixi-air-quality-2025"), "3.2")).toEqual(["2025-06-30", "2025-09-30"]);
    // 本点期限：有组织排放改造2025年9月30日，评估监测2025年12月31日 — stages named in more than six characters.
    expect(dates(planOf("xianyang-air-pollution-2025"), "2.2.1")).toContain("2025-09-30");
  });
});

describe("the fiftieth round's conventions", () => {
  it("gives the clause closing the last of a task's points to the task when the plan's tasks close on clauses, even for its first such task", () => {
    // （二）加快退出落后低效产能。1.… 2.… 3.…（市工业和信息化局牵头，…配合，各乡镇…负责落实）: the first task with points,
    // before most of the tasks that show the plan closes each on its own clause.
    const wugang = planOf("wugang-air-quality-2024");
    expect(roles(wugang, "2.2")).toMatchObject({ 市工业和信息化局: "lead", 市发展改革委: "support" });
    expect(roles(wugang, "2.2.3")).not.toHaveProperty("市工业和信息化局");
    // A later task of the same shape read so before as well.
    expect(roles(wugang, "3.3")).toMatchObject({ 平顶山市生态环境局舞钢分局: "lead" });
    const tongling = planOf("tongling-air-quality-2025");
    expect(roles(tongling, "2.4")).toMatchObject({ 市经济和信息化局: "lead" });
  });
});

describe("the sixty-fifth round's conventions", () => {
  it("keeps the members of a body named after 等 as a unit of their own (甲局等某指挥部成员单位)", () => {
    // （…县气象局等县重污染天气应急指挥部成员单位按职责分工负责）: 县气象局 and the command's other members.
    expect(roles(planOf("tongbai-air-quality-2024"), "7.1")).toMatchObject({
      县生态环境局: "lead",
      县气象局: "responsible",
      县重污染天气应急指挥部成员单位: "responsible",
    });
  });
});
