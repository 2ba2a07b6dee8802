package org.gongzhi.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three demo jurisdictions as GeoJSON, drawn on jittered lattices at their real places and sizes: 学院路 (海淀,
 * 8.49 km², 29 社区 in 7 街区, 23 万 residents — seed 000), 东直门 (东城, 10 社区 — seed 002) and 五角场 (杨浦, the 国定支路
 * area — seed 003).
 */
final class DemoTerritory {

    static final String XUEYUANLU = "110108010";
    static final String DONGZHIMEN = "110101008";
    static final String WUJIAOCHANG = "310110012";
    static final String ERLIZHUANG = "110108010005";
    static final String HUJIAYUAN = "110101008004";
    static final String GUODINGYI = "310110012001";

    private DemoTerritory() {}

    static ObjectNode features() {
        FeatureWriter w = new FeatureWriter();
        xueyuanlu(w);
        dongzhimen(w);
        wujiaochang(w);
        return w.collection();
    }

    /** A 社区 of whole cells with one 网格 per cell; returns the grid codes in order. */
    private static List<String> community(
            FeatureWriter w,
            Lattice l,
            String code,
            String name,
            String parent,
            int i0,
            int j0,
            int i1,
            int j1,
            int population,
            boolean synthetic,
            Random random) {
        w.unit("COMMUNITY", code, name, parent, l.outline(i0, j0, i1, j1), population * 10 / 26, population, synthetic);
        List<String> grids = new ArrayList<>();
        int cells = (i1 - i0) * (j1 - j0);
        int n = 1;
        int left = population;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                String grid = code + String.format("%03d", n);
                int share = n == cells ? left : (int) (population / (double) cells * (0.8 + random.nextDouble() * 0.4));
                left -= share;
                w.unit(
                        "GRID",
                        grid,
                        name + "第" + n + "网格",
                        code,
                        l.outline(i, j, i + 1, j + 1),
                        share * 10 / 26,
                        share,
                        true);
                grids.add(grid);
                n++;
            }
        }
        return grids;
    }

    /** Populations for {@code count} communities summing to {@code total}. */
    private static int[] split(int total, int count, Random random) {
        double[] weights = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            weights[k] = 0.6 + random.nextDouble() * 0.8;
            sum += weights[k];
        }
        int[] shares = new int[count];
        int left = total;
        for (int k = 0; k < count; k++) {
            shares[k] = k == count - 1 ? left : (int) Math.round(total * weights[k] / sum);
            left -= shares[k];
        }
        return shares;
    }

    /** A zone's outline spanning cells [i0, i1) × [j0, j1), kept a margin inside them. */
    private static List<double[]> span(Lattice l, int i0, int j0, int i1, int j1) {
        List<double[]> ring = new ArrayList<>();
        ring.add(l.at(i0, j0, 0.15, 0.15));
        ring.add(l.at(i1 - 1, j0, 0.85, 0.15));
        ring.add(l.at(i1 - 1, j1 - 1, 0.85, 0.85));
        ring.add(l.at(i0, j1 - 1, 0.15, 0.85));
        ring.add(ring.get(0));
        return ring;
    }

    private static void xueyuanlu(FeatureWriter w) {
        Random random = new Random(2020);
        // 8.49 km² over 12 × 10 cells: each cell about 266 m square.
        Lattice l = new Lattice(39.992, 116.350, 12, 10, Math.sqrt(8.49e6 / 120), 110108010L);
        w.unit("DISTRICT", "110108", "北京市海淀区", null, null, null, null, false);
        w.unit("SUBDISTRICT", XUEYUANLU, "学院路街道", "110108", l.outline(0, 0, 12, 10), null, 230_000, false);
        // Seven 街区, each a rectangle of community cells (2 × 2 grid cells a community).
        String[][] blocks = {
            {"B01", "五道口街区", "0", "0", "2", "2"},
            {"B02", "二里庄街区", "2", "0", "4", "2"},
            {"B03", "学知街区", "4", "0", "6", "2"},
            {"B04", "成府路街区", "0", "2", "2", "5"},
            {"B05", "志新街区", "2", "2", "4", "4"},
            {"B06", "林大街区", "4", "2", "6", "4"},
            {"B07", "北沙滩街区", "2", "4", "6", "5"}
        };
        String[] names = {
            "石油大院社区", "地大社区", "展春园社区", "学知园社区", "二里庄社区", "志新村社区", "林大社区", "北航社区", "矿大社区", "语言大学社区", "科大社区", "农大东校区社区",
            "富润家园社区", "逸成东苑社区", "清华东路社区", "荷清苑社区", "学清苑社区", "石科院社区", "建清园社区", "双清路社区", "东王庄社区", "西王庄社区", "学院派社区",
            "志新东路社区", "月泉社区", "二里庄南社区", "静淑苑社区", "明光社区", "健翔园社区"
        };
        int[] population = split(230_000, 29, random);
        int n = 0;
        for (String[] b : blocks) {
            String blockCode = XUEYUANLU + b[0];
            int c0 = Integer.parseInt(b[2]);
            int r0 = Integer.parseInt(b[3]);
            int c1 = Integer.parseInt(b[4]);
            int r1 = Integer.parseInt(b[5]);
            w.unit("BLOCK", blockCode, b[1], XUEYUANLU, l.outline(c0 * 2, r0 * 2, c1 * 2, r1 * 2), null, null, true);
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    boolean merged = b[0].equals("B07") && c == 4;
                    if (b[0].equals("B07") && c == 5) {
                        continue; // 社区 (4,4) and (5,4) are one: 29 社区 on 30 cells
                    }
                    String code = XUEYUANLU + String.format("%03d", n + 1);
                    List<String> grids = community(
                            w,
                            l,
                            code,
                            names[n],
                            blockCode,
                            c * 2,
                            r * 2,
                            merged ? 12 : c * 2 + 2,
                            r * 2 + 2,
                            population[n],
                            !code.equals(ERLIZHUANG),
                            random);
                    if (code.equals(ERLIZHUANG)) {
                        erlizhuangCompounds(w, l, grids.get(0), c * 2, r * 2);
                    }
                    n++;
                }
            }
        }
        w.street("MAIN_STREET", XUEYUANLU + "S001", "学院路", XUEYUANLU, l.column(6, 0, 10), false);
        w.street("MAIN_STREET", XUEYUANLU + "S002", "成府路", XUEYUANLU, l.row(8, 0, 12), false);
        w.street("ALLEY", XUEYUANLU + "S003", "二里庄胡同", XUEYUANLU, l.row(3, 4, 7), true);
        w.zone("CAMPUS", XUEYUANLU + "Z01", "北京科技大学", XUEYUANLU, span(l, 7, 1, 9, 3), false);
        w.zone("CAMPUS", XUEYUANLU + "Z02", "中国农业大学（东校区）", XUEYUANLU, span(l, 9, 5, 11, 7), false);
        w.zone("CAMPUS", XUEYUANLU + "Z03", "北京语言大学", XUEYUANLU, span(l, 1, 7, 3, 9), false);
        w.zone("CAMPUS", XUEYUANLU + "Z04", "中国矿业大学（北京）", XUEYUANLU, span(l, 4, 5, 6, 7), false);
        w.zone("INDUSTRIAL_PARK", XUEYUANLU + "Z05", "768产业园", XUEYUANLU, span(l, 10, 8, 12, 9), false);
        w.zone("INDUSTRIAL_PARK", XUEYUANLU + "Z06", "电科太极创新园", XUEYUANLU, span(l, 4, 1, 5, 2), false);
    }

    /** 二里庄, the pilot 社区 of seed 000: two 小区 with their 楼栋 drawn in its first grid. */
    private static void erlizhuangCompounds(FeatureWriter w, Lattice l, String grid, int i, int j) {
        double[][] compounds = {{0.06, 0.46}, {0.54, 0.94}};
        for (int k = 0; k < compounds.length; k++) {
            double u0 = compounds[k][0];
            double u1 = compounds[k][1];
            String code = grid + String.format("%03d", k + 1);
            w.unit(
                    "COMPOUND",
                    code,
                    "二里庄" + (k == 0 ? "一" : "二") + "区",
                    grid,
                    l.inset(i, j, u0, 0.08, u1, 0.92),
                    420,
                    1090,
                    true);
            double width = (u1 - u0) / 3;
            for (int b = 0; b < 3; b++) {
                double bu0 = u0 + width * b + width * 0.2;
                double bu1 = u0 + width * (b + 1) - width * 0.2;
                w.unit(
                        "BUILDING",
                        code + String.format("%03d", b + 1),
                        (b + 1) + "号楼",
                        code,
                        l.inset(i, j, bu0, 0.2, bu1, 0.8),
                        140,
                        360,
                        true);
            }
        }
    }

    private static void dongzhimen(FeatureWriter w) {
        Random random = new Random(2014);
        Lattice l = new Lattice(39.940, 116.430, 10, 4, 229, 110101008L);
        w.unit("DISTRICT", "110101", "北京市东城区", null, null, null, null, false);
        w.unit("SUBDISTRICT", DONGZHIMEN, "东直门街道", "110101", l.outline(0, 0, 10, 4), null, null, false);
        String[] names = {
            "香北社区", "东环社区", "东外大街社区", "胡家园社区", "新中街社区",
            "清水苑社区", "北官厅社区", "新中西里社区", "东中街社区", "草园社区"
        };
        int n = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 5; c++) {
                String code = DONGZHIMEN + String.format("%03d", n + 1);
                List<String> grids = community(
                        w,
                        l,
                        code,
                        names[n],
                        DONGZHIMEN,
                        c * 2,
                        r * 2,
                        c * 2 + 2,
                        r * 2 + 2,
                        4000 + random.nextInt(6000),
                        n > 2,
                        random);
                if (code.equals(HUJIAYUAN)) {
                    // 胡家园东区: the first 居民自治管理委员会 of 东城 (seed 002).
                    w.unit(
                            "COMPOUND",
                            grids.get(0) + "001",
                            "胡家园东区",
                            grids.get(0),
                            l.inset(c * 2, r * 2, 0.1, 0.1, 0.9, 0.9),
                            860,
                            2150,
                            false);
                }
                n++;
            }
        }
        w.street("MAIN_STREET", DONGZHIMEN + "S001", "东直门外大街", DONGZHIMEN, l.row(2, 0, 10), true);
        w.street("MAIN_STREET", DONGZHIMEN + "S002", "新中街", DONGZHIMEN, l.column(4, 0, 4), true);
        w.zone("COMMERCIAL", DONGZHIMEN + "Z01", "东直门商圈", DONGZHIMEN, span(l, 6, 0, 8, 2), true);
    }

    private static void wujiaochang(FeatureWriter w) {
        Random random = new Random(2019);
        Lattice l = new Lattice(31.300, 121.510, 8, 6, 400, 310110012L);
        w.unit("DISTRICT", "310110", "上海市杨浦区", null, null, null, null, false);
        w.unit("SUBDISTRICT", WUJIAOCHANG, "五角场街道", "310110", l.outline(0, 0, 8, 6), null, null, false);
        String[][] blocks = {
            {"B01", "大学路街区", "0", "0", "2", "2", "false"},
            {"B02", "政立路街区", "2", "0", "4", "2", "true"},
            {"B03", "淞沪路街区", "0", "2", "4", "3", "true"}
        };
        String[] names = {
            "国定一居民区", "财大居民区", "五一居民区", "创智坊居民区", "政立路居民区", "国权北路居民区",
            "翔殷路居民区", "黄兴路居民区", "淞沪路居民区", "政民路居民区", "武川路居民区", "民星路居民区"
        };
        int n = 0;
        for (String[] b : blocks) {
            String blockCode = WUJIAOCHANG + b[0];
            int c0 = Integer.parseInt(b[2]);
            int r0 = Integer.parseInt(b[3]);
            int c1 = Integer.parseInt(b[4]);
            int r1 = Integer.parseInt(b[5]);
            w.unit(
                    "BLOCK",
                    blockCode,
                    b[1],
                    WUJIAOCHANG,
                    l.outline(c0 * 2, r0 * 2, c1 * 2, r1 * 2),
                    null,
                    null,
                    Boolean.parseBoolean(b[6]));
            for (int r = r0; r < r1; r++) {
                for (int c = c0; c < c1; c++) {
                    String code = WUJIAOCHANG + String.format("%03d", n + 1);
                    community(
                            w,
                            l,
                            code,
                            names[n],
                            blockCode,
                            c * 2,
                            r * 2,
                            c * 2 + 2,
                            r * 2 + 2,
                            5000 + random.nextInt(7000),
                            n > 3,
                            random);
                    n++;
                }
            }
        }
        w.street("ALLEY", WUJIAOCHANG + "S001", "国定支路", WUJIAOCHANG, l.column(2, 0, 4), false);
        w.street("MAIN_STREET", WUJIAOCHANG + "S002", "大学路", WUJIAOCHANG, l.row(2, 0, 4), false);
        w.zone("CAMPUS", WUJIAOCHANG + "Z01", "上海财经大学", WUJIAOCHANG, span(l, 0, 2, 2, 4), false);
        w.zone("INDUSTRIAL_PARK", WUJIAOCHANG + "Z02", "大创智创新发展示范区", WUJIAOCHANG, span(l, 2, 0, 4, 2), false);
        w.zone("COMMERCIAL", WUJIAOCHANG + "Z03", "五角场商圈", WUJIAOCHANG, span(l, 4, 2, 6, 4), true);
        w.zone("MILITARY", WUJIAOCHANG + "Z04", "营区（示例）", WUJIAOCHANG, span(l, 6, 4, 8, 6), true);
    }
}
