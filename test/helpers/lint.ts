import { VFile } from 'vfile'
import { createProcessor, type NamelintSettings } from '../../src/processor.js'

/** Lint a text with the real processor and return its messages. */
export async function lint(text: string, settings: NamelintSettings = {}) {
  const file = new VFile({ path: 'article.txt', value: text })
  const processor = createProcessor(settings)
  await processor.run(processor.parse(file), file)
  return file.messages
}

export function byRule(messages: Awaited<ReturnType<typeof lint>>, ruleId: string) {
  return messages.filter((m) => m.ruleId === ruleId)
}
