package org.gongzhi.listing;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A resource's weekly opening calendar, written as rules separated by {@code ;} or new lines, each {@code <days>
 * <from>-<to>}: days 1 (Monday) to 7 (Sunday) as a list and ranges ({@code 1-5}, {@code 6,7}, {@code 1-3,5}), times
 * {@code HH:mm} in Beijing time with {@code 24:00} for midnight at the end of the day — e.g. {@code 1-5 08:00-21:00; 6,7
 * 09:00-17:00}. No rules means no fixed hours: any time is within them. The words a resource's page shows are read
 * too ({@code 周一至周五 8:00–21:00；周六、周日 09:00–17:00}, {@code Mon–Fri 08:00–21:00; Sat, Sun …}, {@code 每天}).
 *
 * @param rules the rules in the order given
 */
public record OpeningHours(List<Rule> rules) {

    /** Days and one span of time on each of them; {@code to} is {@code null} for 24:00. */
    public record Rule(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        boolean admits(DayOfWeek day, LocalTime start, LocalTime end) {
            return days.contains(day) && !start.isBefore(from) && (to == null || (end != null && !end.isAfter(to)));
        }

        /**
         * The days as runs, Monday first: three or more consecutive days as one run {@code [first, last]} (周一至周五),
         * other days each a run of one ({@code [6, 6]}, {@code [7, 7]}); day numbers 1 (Monday) to 7 (Sunday).
         */
        public List<int[]> runs() {
            List<int[]> runs = new ArrayList<>();
            List<Integer> numbers =
                    days.stream().map(DayOfWeek::getValue).sorted().toList();
            for (int i = 0; i < numbers.size(); ) {
                int j = i;
                while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
                    j++;
                }
                if (j - i >= 2) {
                    runs.add(new int[] {numbers.get(i), numbers.get(j)});
                } else {
                    for (int k = i; k <= j; k++) {
                        runs.add(new int[] {numbers.get(k), numbers.get(k)});
                    }
                }
                i = j + 1;
            }
            return runs;
        }

        /** The end of the span as written: {@code HH:mm}, {@code 24:00} for midnight at the end of the day. */
        public String until() {
            return to == null ? "24:00" : to.toString();
        }

        /** Days as runs: three or more consecutive days as a range ({@code 1-5}), others listed ({@code 6,7}). */
        String text() {
            String days = runs().stream()
                    .map(r -> r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "-" + r[1])
                    .collect(Collectors.joining(","));
            return days + " " + from + "-" + until();
        }
    }

    private static final Pattern RULE =
            Pattern.compile("([1-7](?:-[1-7])?(?:,[1-7](?:-[1-7])?)*)\\s+(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    public OpeningHours {
        rules = List.copyOf(rules);
    }

    /**
     * Hours open in a week, 0–168 (each day's spans added, at most 24 a day); {@code -1} for a calendar without rules
     * (no fixed hours, by arrangement).
     */
    public double hoursPerWeek() {
        if (rules.isEmpty()) {
            return -1;
        }
        double total = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            double minutes = 0;
            for (Rule r : rules) {
                if (r.days().contains(day)) {
                    int end = r.to() == null ? 24 * 60 : r.to().getHour() * 60 + r.to().getMinute();
                    minutes += end - (r.from().getHour() * 60 + r.from().getMinute());
                }
            }
            total += Math.min(24 * 60, minutes) / 60.0;
        }
        return total;
    }

    public static OpeningHours always() {
        return new OpeningHours(List.of());
    }

    /**
     * Reads the calendar, in the syntax or in the page's words; a rule that is not {@code <days> <from>-<to>}, has a day
     * outside 1–7, a time that does not exist or a span that ends before it starts throws {@link
     * IllegalArgumentException} naming that rule as typed.
     */
    public static OpeningHours parse(String text) {
        List<Rule> rules = new ArrayList<>();
        if (text == null) {
            return always();
        }
        for (String part : text.replace('；', ';').split("[;\\n\\r]+")) {
            String typed = part.strip();
            if (typed.isEmpty()) {
                continue;
            }
            try {
                rules.add(rule(words(typed.replace('－', '-').replace('，', ',').replace('：', ':'))));
            } catch (IllegalArgumentException unreadable) {
                // Named as the person typed it, not as it was read.
                throw new IllegalArgumentException(typed);
            }
        }
        return new OpeningHours(rules);
    }

    private static Rule rule(String rule) {
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            throw new IllegalArgumentException(rule);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String range : m.group(1).split(",")) {
            int a = range.charAt(0) - '0';
            int b = range.length() > 1 ? range.charAt(2) - '0' : a;
            if (b < a) {
                throw new IllegalArgumentException(rule);
            }
            for (int d = a; d <= b; d++) {
                days.add(DayOfWeek.of(d));
            }
        }
        LocalTime from = time(m.group(2), false, rule);
        LocalTime to = time(m.group(3), true, rule);
        if (to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException(rule);
        }
        return new Rule(days, from, to);
    }

    /** Day names as their pages show them (周一至周五, 周六、周日, 每天, Mon–Fri, Sat, Sun, Daily) → 1–7. */
    private static final String[][] DAY_NAMES = {
        {"星期一", "周一", "Mon"},
        {"星期二", "周二", "Tue"},
        {"星期三", "周三", "Wed"},
        {"星期四", "周四", "Thu"},
        {"星期五", "周五", "Fri"},
        {"星期六", "周六", "Sat"},
        {"星期日", "星期天", "周日", "周天", "Sun"}
    };

    /**
     * A rule written the way a resource's page shows it, read back into the syntax: day names to numbers, 至 and dashes
     * to '-', 、 and ", " to ',', and a one-digit hour given its leading zero ("8:00" → "08:00").
     */
    private static String words(String rule) {
        String r = rule.replace("每天", "1-7").replace("Daily", "1-7");
        for (int d = 0; d < DAY_NAMES.length; d++) {
            for (String name : DAY_NAMES[d]) {
                r = r.replace(name, String.valueOf(d + 1));
            }
        }
        r = r.replace('至', '-')
                .replace('–', '-')
                .replace('—', '-')
                .replace('~', '-')
                .replace('、', ',');
        r = r.replaceAll("\\s*,\\s*", ",").replaceAll("\\s*-\\s*", "-");
        // The days and the span are separated by a space in the syntax; "1-5 08:00-21:00" is kept as it is.
        r = r.replaceAll("(?<![\\d:])(\\d):(\\d{2})", "0$1:$2");
        return r.replaceAll("^([1-7,\\-]+)(\\d{2}:)", "$1 $2");
    }

    private static LocalTime time(String hhmm, boolean mayBeMidnightAfter, String rule) {
        if (mayBeMidnightAfter && hhmm.equals("24:00")) {
            return null;
        }
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3));
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException(rule);
        }
        return LocalTime.of(h, m);
    }

    /**
     * Whether a use from {@code start} to {@code end} (Beijing local times) lies within one rule's span on one day; an
     * end at midnight after the start's day counts as 24:00 of that day.
     */
    public boolean admits(LocalDateTime start, LocalDateTime end) {
        if (rules.isEmpty()) {
            return true;
        }
        LocalTime endTime;
        if (end.toLocalDate().equals(start.toLocalDate())) {
            endTime = end.toLocalTime();
        } else if (end.toLocalDate().equals(start.toLocalDate().plusDays(1))
                && end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            endTime = null;
        } else {
            return false;
        }
        for (Rule r : rules) {
            if (endTime == null
                    ? r.to() == null && r.admits(start.getDayOfWeek(), start.toLocalTime(), null)
                    : r.admits(start.getDayOfWeek(), start.toLocalTime(), endTime)) {
                return true;
            }
        }
        return false;
    }

    /** The calendar in the syntax {@link #parse} reads, rules joined by {@code "; "}; empty for no fixed hours. */
    public String text() {
        return rules.stream().map(Rule::text).collect(Collectors.joining("; "));
    }
}
