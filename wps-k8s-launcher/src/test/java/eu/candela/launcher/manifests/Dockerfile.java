package eu.candela.launcher.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as text, since no Docker engine runs here: its instructions with continuation
 * lines joined and comments (parser directives included) dropped, grouped into build stages.
 */
record Dockerfile(Path file, List<Stage> stages) {

    /** One instruction: its keyword in upper case and the rest of the line as written. */
    record Instruction(String keyword, String arguments) {}

    /** Everything from one FROM to the next. */
    record Stage(String baseImage, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Instruction last(String keyword) {
            List<Instruction> matches = all(keyword);
            if (matches.isEmpty()) throw new AssertionError("stage " + name + " has no " + keyword);
            return matches.get(matches.size() - 1);
        }

        int indexOfLast(String keyword) {
            return instructions.lastIndexOf(last(keyword));
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) continue;
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String joined = pending.toString().strip();
            pending.setLength(0);
            if (joined.isEmpty()) continue;
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT), joined.substring(space + 1).strip()));
        }
        return new Dockerfile(file, stages(file, instructions));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    private static List<Stage> stages(Path file, List<Instruction> instructions) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (Instruction instruction : instructions) {
            if (instruction.keyword().equals("FROM")) {
                String[] words = instruction.arguments().replaceAll("--platform=\\S+\\s*", "").split("\\s+");
                String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : String.valueOf(stages.size());
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current == null) {
                if (!instruction.keyword().equals("ARG")) throw new AssertionError(file + ": " + instruction + " before the first FROM");
            } else {
                current.add(instruction);
            }
        }
        if (stages.isEmpty()) throw new AssertionError(file + " has no FROM");
        return stages;
    }
}
