package dev.shelf.map;

import java.util.Arrays;
import java.util.Set;

/**
 * Words that never name a topic: English function words, the parts of links (hosts, paths, file types) and the words
 * every reading list uses about its own entries ("article", "guide", "list"), which would label a cluster by its form
 * rather than its subject.
 */
final class StopWords {

    private static final Set<String> WORDS = Set.copyOf(Arrays.asList((""
            // English function words and very common verbs and adverbs
            + "a about above after again against all almost also although always am among an and another any are around as"
            + " at away be because been before being below between both but by can cannot could did do does doing done down"
            + " during each either else enough etc even ever every few for from further get gets getting give given go goes"
            + " going good got had has have having he her here hers herself him himself his how however i if in including"
            + " into is it its itself just know let like made make makes making many may me might more most much must my"
            + " myself need needs new no nor not now of off often on once one only or other others our ours ourselves out"
            + " over own per put quite rather really same see seen several she should show shows since so some still such"
            + " take takes than that the their theirs them themselves then there these they thing things this those though"
            + " through thus to too two under until up upon us use used uses using very via want was way ways we well were"
            + " what when where whether which while who whom whose why will with within without would yet you your yours"
            + " yourself yourselves able across already always based best better new first last next less least lot lots"
            + " simple simply easy easily great high low large small big full part parts three four five also specific"
            + " different various important key main top free open step steps work works working look looks kind kinds"
            // the parts of links and files
            + " http https www com org net io ai html htm php pdf md txt json blob tree main master readme index ref edu"
            + " github gitlab youtube youtu watch arxiv abs twitter medium substack huggingface co colab google drive docs"
            // words that describe an entry rather than its subject
            + " article articles blog blogs post posts page pages link links list lists reading resource resources guide"
            + " guides tutorial tutorials introduction intro overview course courses lecture lectures video videos"
            + " paper papers notebook notebooks repo repository code book books chapter section sections read learn"
            + " learning article awesome collection curated everything anything something part series beginner"
            + " beginners comprehensive complete detailed explained explains explanation understanding understand"
            + " spend version versions implement implementing implementation outperform outperforms filtered"
            + " generating provide provides provided including includes consisting consists contains containing"
            ).split(" +")));

    private StopWords() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word);
    }
}
