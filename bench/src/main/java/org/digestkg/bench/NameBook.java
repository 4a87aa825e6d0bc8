package org.digestkg.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an author number into a printed name, injectively, without storing any name: the pool can grow to
 * millions of authors while the heap holds only these word lists.
 *
 * <p>Numbers are laid out in tiers: the first ones get plain "Given Surname" names, later ones rarer
 * printings (a middle initial, a hyphen). Low numbers are the prolific, long-established authors (see
 * {@link AuthorPool}), so the names a reader sees most look ordinary. Inside a tier an affine permutation
 * scatters consecutive numbers over the whole tier, so neighbours do not share a surname.
 */
final class NameBook {

    private static final String[] PINYIN = {
        "An", "Bai", "Bin", "Bo", "Chao", "Chen", "Cheng", "Chun", "Da", "Dong", "Fan", "Fei", "Feng", "Gang",
        "Guo", "Hai", "Han", "Hao", "Hong", "Hua", "Hui", "Jia", "Jian", "Jie", "Jin", "Jing", "Jun", "Kai",
        "Lan", "Lei", "Li", "Lin", "Ling", "Long", "Mei", "Min", "Ming", "Ning", "Peng", "Qi", "Qian", "Qiang",
        "Qing", "Rui", "Shan", "Sheng", "Shu", "Si", "Tao", "Tian", "Ting", "Wei", "Wen", "Xi", "Xia", "Xiang",
        "Xiao", "Xin", "Xu", "Ya", "Yan", "Yang", "Yi", "Ying", "Yong", "Yu", "Yuan", "Yue", "Yun", "Ze", "Zhe",
        "Zhen", "Zhi", "Zhong", "Zi"
    };
    private static final String[] CHINESE_SURNAMES = {
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
        "Hu", "Guo", "He", "Lin", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng",
        "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu", "Du", "Ye", "Cheng",
        "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin", "Fu", "Zhong", "Cui", "Tan", "Lei", "Fang",
        "Shi", "Qin", "Kong", "Bai", "Qiu", "Hou", "Meng", "Xiong", "Lyu", "Wen", "Mao", "Gu", "Yin", "Qian"
    };
    private static final String[] GIVEN = {
        "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen",
        "Matthew", "Nancy", "Anthony", "Lisa", "Mark", "Sandra", "Andrew", "Emily", "Joshua", "Michelle",
        "Kevin", "Laura", "Brian", "Rebecca", "George", "Anna", "Samuel", "Julia", "Benjamin", "Claire",
        "Alexander", "Sophie", "Lukas", "Hannah", "Felix", "Lena", "Jonas", "Clara", "Matteo", "Giulia",
        "Lorenzo", "Chiara", "Pierre", "Camille", "Antoine", "Chloé", "Julien", "Élodie", "José", "María",
        "Carlos", "Lucía", "Diego", "Sofía", "Pablo", "Inês", "João", "Ana", "Søren", "Ingrid", "Lars",
        "Astrid", "Mikhail", "Olga", "Dmitry", "Anastasia", "Ivan", "Elena", "Piotr", "Zofia", "Tomáš", "Eva",
        "Ahmed", "Fatima", "Omar", "Layla", "Yusuf", "Amira", "Mehmet", "Zeynep", "Ali", "Sara", "Reza",
        "Niloufar", "Rahul", "Priya", "Arjun", "Ananya", "Vikram", "Kavya", "Siddharth", "Neha", "Aditya",
        "Pooja", "Hiroshi", "Yuki", "Takumi", "Haruka", "Kenji", "Aiko", "Minjun", "Jiwoo", "Seojun", "Hana",
        "Duc", "Linh", "Kwame", "Amara", "Chinedu", "Ngozi", "Tariq", "Noor", "Ethan", "Olivia", "Noah",
        "Emma", "Liam", "Ava", "Lucas", "Mia", "Oliver", "Isabella", "Henry", "Charlotte", "Leo", "Amelia"
    };
    private static final String[] SURNAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
        "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer",
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Dubois", "Lefèvre",
        "Moreau", "Laurent", "Girard", "Bonnet", "García", "Fernández", "González", "Rodríguez", "López",
        "Martínez", "Sánchez", "Pérez", "Silva", "Santos", "Oliveira", "Costa", "Jensen", "Nielsen", "Hansen",
        "Larsen", "Andersson", "Johansson", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Nowak", "Kowalski",
        "Novák", "Yılmaz", "Kaya", "Demir", "Hosseini", "Ahmadi", "Rezaei", "Khan", "Hassan", "Ibrahim",
        "Sharma", "Gupta", "Singh", "Kumar", "Patel", "Reddy", "Iyer", "Nair", "Agarwal", "Mehta", "Banerjee",
        "Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kim", "Park",
        "Choi", "Jung", "Kang", "Nguyen", "Tran", "Pham", "Le", "Okafor", "Mensah", "Adeyemi", "O'Brien",
        "van der Berg", "de Jong", "Visser", "Bakker", "Janssen", "Peeters", "Novak", "Horvat", "Papadopoulos"
    };
    private static final String INITIALS = "ABCDEFGHIJKLMNOPRSTVW";

    /** Chinese given names are two pinyin syllables, as arXiv prints them: "Xiaoming". */
    private static final List<String> CHINESE_GIVEN = chineseGiven();

    // Even numbers are printed in the Chinese style, odd ones in the Western style: roughly the mix of an
    // arXiv CS listing. Each style runs through its tiers in order, so the early (prolific) authors of
    // both styles get the most ordinary names.
    private static final List<Tier> CHINESE = List.of(
            new Tier((long) CHINESE_GIVEN.size() * CHINESE_SURNAMES.length,
                    k -> chineseGiven(k) + " " + CHINESE_SURNAMES[(int) (k / CHINESE_GIVEN.size())]),
            // "Xiao-Ming Wang" is how some authors print the same syllables
            new Tier((long) CHINESE_GIVEN.size() * CHINESE_SURNAMES.length,
                    k -> hyphenated(k) + " " + CHINESE_SURNAMES[(int) (k / CHINESE_GIVEN.size())]),
            // "Kevin Xiaoming Wang": an adopted Western name in front
            new Tier((long) GIVEN.length * CHINESE_GIVEN.size() * CHINESE_SURNAMES.length,
                    k -> GIVEN[(int) (k % GIVEN.length)] + " " + chineseGiven(k / GIVEN.length) + " "
                            + CHINESE_SURNAMES[(int) (k / GIVEN.length / CHINESE_GIVEN.size())]));
    private static final List<Tier> WESTERN = List.of(
            new Tier((long) GIVEN.length * SURNAMES.length,
                    k -> GIVEN[(int) (k % GIVEN.length)] + " " + SURNAMES[(int) (k / GIVEN.length)]),
            new Tier((long) GIVEN.length * INITIALS.length() * SURNAMES.length,
                    k -> GIVEN[(int) (k % GIVEN.length)] + " " + initial(k / GIVEN.length) + " "
                            + SURNAMES[(int) (k / GIVEN.length / INITIALS.length())]),
            new Tier((long) GIVEN.length * INITIALS.length() * INITIALS.length() * SURNAMES.length,
                    k -> GIVEN[(int) (k % GIVEN.length)] + " " + initial(k / GIVEN.length) + " "
                            + initial(k / GIVEN.length / INITIALS.length()) + " "
                            + SURNAMES[(int) (k / GIVEN.length / INITIALS.length() / INITIALS.length())]));

    /** The printed name of author {@code number}; distinct numbers give distinct names. */
    String name(int number) {
        if (number < 0) {
            throw new IllegalArgumentException("negative author number: " + number);
        }
        long k = number / 2;
        for (Tier tier : number % 2 == 0 ? CHINESE : WESTERN) {
            if (k < tier.size) {
                return tier.print(k);
            }
            k -= tier.size;
        }
        throw new IllegalArgumentException("author number beyond the name space: " + number);
    }

    private static String chineseGiven(long k) {
        return CHINESE_GIVEN.get((int) (k % CHINESE_GIVEN.size()));
    }

    private static String hyphenated(long k) {
        int i = (int) (k % CHINESE_GIVEN.size());
        String first = PINYIN[i / PINYIN.length];
        return first + "-" + PINYIN[i % PINYIN.length];
    }

    private static String initial(long k) {
        return INITIALS.charAt((int) (k % INITIALS.length())) + ".";
    }

    private static List<String> chineseGiven() {
        List<String> names = new ArrayList<>(PINYIN.length * PINYIN.length);
        for (String first : PINYIN) {
            for (String second : PINYIN) {
                names.add(first + second.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * One tier of a style: {@code size} names, printed from a mixed-radix code. The affine map
     * n -> (n * a + b) mod size, a coprime to size, is a bijection that scatters consecutive authors.
     */
    private static final class Tier {
        final long size;
        private final long a;
        private final long b;
        private final java.util.function.LongFunction<String> printer;

        Tier(long size, java.util.function.LongFunction<String> printer) {
            this.size = size;
            this.printer = printer;
            long candidate = (long) (size * 0.6180339887) | 1;
            while (gcd(candidate, size) != 1) {
                candidate += 2;
            }
            this.a = candidate % size;
            this.b = size / 3;
        }

        String print(long n) {
            return printer.apply(Math.floorMod(Math.addExact(Math.multiplyExact(n, a), b), size));
        }

        private static long gcd(long x, long y) {
            return y == 0 ? x : gcd(y, x % y);
        }
    }
}
