import { NativeSelect, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "#shared/organization.ts";
import { usePeopleSearch } from "../modules/people/people.queries.ts";

/**
 * One person, found by name: a search box, then a list of those found to choose from. Typing again
 * clears the choice, so what is chosen is always among what the list shows.
 */
export function PersonSelect({
  name,
  label,
  value,
  onChange,
  error,
  required = true,
  known = [],
}: {
  /** The select's name; the search box is `<name>Search`. */
  name: string;
  label: string;
  value: string;
  onChange: (person: Person | null) => void;
  error?: string;
  required?: boolean;
  /**
   * People to offer before any search: on an edit form the one already chosen (a body's chair),
   * who must show as chosen rather than as an empty list.
   */
  known?: Person[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const people = usePeopleSearch(debounced);
  const found = debounced.length >= 2 ? (people.data?.entries ?? []) : [];
  const offered = known.filter((person) => !found.some((other) => other.id === person.id));
  return (
    <>
      <TextInput
        type="search"
        label={t("areas.findPerson")}
        description={t("areas.findPersonHint")}
        name={`${name}Search`}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          if (value) onChange(null);
        }}
        // Enter in the search box must not submit the whole form.
        onKeyDown={(event) => {
          if (event.key === "Enter") event.preventDefault();
        }}
        autoComplete="off"
      />
      <NativeSelect
        label={label}
        name={name}
        value={value}
        onChange={(event) =>
          onChange([...offered, ...found].find((person) => person.id === event.currentTarget.value) ?? null)
        }
        error={error}
        required={required}
        data={[
          {
            value: "",
            label:
              debounced.length < 2 ? t("areas.typeToFind") : t("areas.peopleFound", { shown: found.length }),
          },
          ...[...offered, ...found].map((person) => ({
            value: person.id,
            label: person.email ? `${person.name} (${person.email})` : person.name,
          })),
        ]}
      />
    </>
  );
}
