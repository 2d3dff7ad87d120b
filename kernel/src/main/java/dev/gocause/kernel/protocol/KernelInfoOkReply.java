package dev.gocause.kernel.protocol;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/**
 * {@code kernel_info_reply} with the {@code "status": "ok"} the protocol requires; the
 * library's reply omits it, which fails the conformance suite's schema check.
 */
public final class KernelInfoOkReply extends KernelInfoReply {
  @SuppressWarnings("unused") // serialised by Gson
  private final String status = "ok";

  public KernelInfoOkReply(
      String protocolVersion,
      String implementation,
      String implementationVersion,
      LanguageInfo languageInfo,
      String banner,
      List<HelpLink> helpLinks) {
    super(protocolVersion, implementation, implementationVersion, languageInfo, banner, helpLinks);
  }
}
